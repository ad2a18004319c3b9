import { callOpenApi, NO_PERMISSION_ERRCODE, WxOpenApiError } from './openapi';

/**
 * After a deploy, `npm run deploy` invokes each function that makes cloud calls with
 * `{ deployProbe: 'openapi', apis: [...] }` to learn whether WeChat lets it make them: the
 * permissions of config.json are applied apart from the code, and a function without them fails
 * only when a resident first needs it. Each probe is a call WeChat refuses on its merits (an
 * unknown openid, a page that does not exist), so nothing is sent or made; a refusal for want of
 * permission (-604101, or 48001 for the app) is what the probe looks for.
 *
 * Only invocations that carry no caller may probe (the deploy's, through the management API): a
 * resident's call always carries an OPENID and is routed as an action.
 */
export interface DeployProbe {
  deployProbe: 'openapi';
  apis: string[];
}

export type ProbeVerdict = 'allowed' | 'refused' | `unknown: ${string}`;

// Not an openid WeChat could have issued, so every API refuses it (40003) on its merits.
const PROBE_OPENID = 'lxq deploy probe';

const HARMLESS_CALLS: Readonly<Record<string, Record<string, unknown>>> = {
  'wxacode.getUnlimited': { scene: 'probe', page: 'pages/lxq-deploy-probe/index', check_path: true },
  'subscribeMessage.send': { touser: PROBE_OPENID, template_id: 'lxq-deploy-probe', data: { thing1: { value: 'probe' } } },
  'security.msgSecCheck': { content: '连心桥', openid: PROBE_OPENID, scene: 2, version: 2 },
  'security.mediaCheckAsync': { media_url: 'https://lianxinqiao.invalid/probe.png', media_type: 2, openid: PROBE_OPENID, scene: 2, version: 2 },
};

/** WeChat's "api unauthorized": the app itself may not use the API. */
const API_UNAUTHORIZED = 48001;

export function isDeployProbe(event: unknown): event is DeployProbe {
  if (typeof event !== 'object' || event === null) return false;
  const probe = event as Partial<DeployProbe>;
  return probe.deployProbe === 'openapi' && Array.isArray(probe.apis) && probe.apis.every((api) => typeof api === 'string');
}

export async function runDeployProbe(probe: DeployProbe): Promise<Record<string, ProbeVerdict>> {
  const verdicts: Record<string, ProbeVerdict> = {};
  for (const api of probe.apis) {
    const request = HARMLESS_CALLS[api];
    if (!request) {
      verdicts[api] = 'unknown: no harmless call known for this API';
      continue;
    }
    try {
      await callOpenApi(api, request);
      verdicts[api] = 'allowed';
    } catch (error) {
      if (error instanceof WxOpenApiError) verdicts[api] = error.errcode === NO_PERMISSION_ERRCODE || error.errcode === API_UNAUTHORIZED ? 'refused' : 'allowed';
      else verdicts[api] = `unknown: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  return verdicts;
}
