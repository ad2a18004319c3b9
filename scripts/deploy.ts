/**
 * Deploys every built cloud function (build/cloudfunctions/<name>) to a CloudBase environment
 * with the CloudBase CLI v2, fetched by npx on demand, then applies infra/database.ts.
 *
 *   ENV_ID=<env id> npm run deploy          builds, then runs this
 *   ENV_ID=<env id> tsx scripts/deploy.ts --dry-run     prints the commands, runs nothing
 *
 * The CLI must be logged in (`npx @cloudbase/cli@2 login`); applying the database needs
 * TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY (see docs/DEPLOY.md). Each function's runtime,
 * handler and timeout come from cloudbaserc.json, which must list every built function.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ENV_ID_PATTERN, checkApplyPrerequisites, main as applyDatabase } from './apply-database';

const ROOT = resolve(__dirname, '..');
const BUILT = join(ROOT, 'build', 'cloudfunctions');
const CLI = ['--yes', '@cloudbase/cli@2'];

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function builtFunctions(): string[] {
  if (!existsSync(BUILT)) return [];
  return readdirSync(BUILT, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(BUILT, entry.name, 'index.js')))
    .map((entry) => entry.name)
    .sort();
}

function declaredFunctions(): string[] {
  const rc = JSON.parse(readFileSync(join(ROOT, 'cloudbaserc.json'), 'utf8')) as { functions?: Array<{ name?: unknown }> };
  return (rc.functions ?? []).map((fn) => String(fn.name));
}

function hasTriggers(name: string): boolean {
  const rc = JSON.parse(readFileSync(join(ROOT, 'cloudbaserc.json'), 'utf8')) as { functions?: Array<{ name?: unknown; triggers?: unknown[] }> };
  return (rc.functions ?? []).some((fn) => fn.name === name && (fn.triggers?.length ?? 0) > 0);
}

async function deploy(argv: readonly string[]): Promise<void> {
  const dryRun = argv.includes('--dry-run');
  const envId = process.env.ENV_ID ?? '';
  if (!ENV_ID_PATTERN.test(envId)) fail('set ENV_ID to the CloudBase environment id, e.g. ENV_ID=lianxinqiao-1a2b3c npm run deploy');

  const names = builtFunctions();
  if (names.length === 0) fail(`no built functions in ${BUILT}: run npm run build (npm run deploy builds first)`);
  const declared = declaredFunctions();
  const undeclared = names.filter((name) => !declared.includes(name));
  if (undeclared.length > 0) fail(`add ${undeclared.join(', ')} to cloudbaserc.json (runtime, handler, timeout) before deploying`);

  if (!dryRun) {
    // Checked before anything is deployed, so a run does not stop halfway for want of a key.
    try {
      checkApplyPrerequisites();
    } catch (error) {
      fail(`cannot apply the database afterwards: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  console.log(`${dryRun ? 'would deploy' : 'deploying'} ${names.length} functions to ${envId}: ${names.join(', ')}`);
  for (const name of names) {
    const args = [...CLI, 'fn', 'deploy', name, '--force', '-e', envId];
    console.log(`$ npx ${args.join(' ')}`);
    if (dryRun) continue;
    const { status, error } = spawnSync('npx', args, { cwd: ROOT, stdio: 'inherit' });
    if (error) fail(`could not run npx: ${error.message}`);
    if (status !== 0) fail(`deploying ${name} failed (exit ${String(status)}); nothing after it was deployed`);
    if (!hasTriggers(name)) continue;
    // Timer triggers are declared in cloudbaserc.json (mirroring the function's config.json).
    const triggerArgs = [...CLI, 'fn', 'trigger', 'create', name, '-e', envId, '--yes'];
    console.log(`$ npx ${triggerArgs.join(' ')}`);
    const trigger = spawnSync('npx', triggerArgs, { cwd: ROOT, stdio: 'inherit' });
    if (trigger.status !== 0) fail(`creating the timer triggers of ${name} failed (exit ${String(trigger.status)})`);
  }

  await applyDatabase(argv);
}

if (process.argv[1] === __filename) {
  deploy(process.argv.slice(2)).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
}
