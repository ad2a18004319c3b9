/**
 * Where `npm run repair-counters` recounts: the local runtime's store (the default, DATA_DIR), or
 * with `--cloud` a CloudBase environment, through the same @cloudbase/node-sdk calls, with the
 * environment id and API key the deploy uses (ENV_ID, TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY,
 * optionally TENCENTCLOUD_SESSIONTOKEN). A deploy that brings new counters over existing cases
 * (the queue counters, say) runs it once against the environment.
 */
import { CREDENTIAL_SETTINGS, describeProblems, ENV_ID_SETTING, type Setting } from '../../scripts/deploy/settings';

export type RepairTarget =
  { kind: 'local' } | { kind: 'cloud'; envId: string; secretId: string; secretKey: string; sessionToken?: string } | { kind: 'invalid'; problems: string[] };

export function repairTarget(argv: readonly string[], env: NodeJS.ProcessEnv): RepairTarget {
  if (!argv.includes('--cloud')) return { kind: 'local' };
  const problems: Array<{ setting: Setting; value?: string }> = [];
  for (const setting of [ENV_ID_SETTING, ...CREDENTIAL_SETTINGS]) {
    const value = env[setting.name] ?? '';
    if (value === '') problems.push({ setting });
    else if (setting.valid && !setting.valid(value)) problems.push({ setting, value });
  }
  if (problems.length > 0) return { kind: 'invalid', problems: describeProblems(problems) };
  const sessionToken = env.TENCENTCLOUD_SESSIONTOKEN || undefined;
  return {
    kind: 'cloud',
    envId: env.ENV_ID ?? '',
    secretId: env.TENCENTCLOUD_SECRETID ?? '',
    secretKey: env.TENCENTCLOUD_SECRETKEY ?? '',
    ...(sessionToken ? { sessionToken } : {}),
  };
}
