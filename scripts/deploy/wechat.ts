/**
 * WeChat's server API for what only WeChat can set: a function's cloud-call permissions
 * (`tcb/uploadfuncconfig` and `tcb/getfuncconfig`, config type 1 = 云调用配置, the JSON of
 * config.json's `permissions`). The mini-program's own access token comes from `stable_token`
 * with the AppID and AppSecret; WeChat only answers it from an IP on the mini-program's API
 * allow-list (开发管理 → 开发设置 → IP 白名单).
 */
export interface WeChatAdmin {
  uploadFuncConfig(envId: string, functionName: string, permissions: readonly string[]): Promise<void>;
  /** The permissions WeChat holds for the function; null when it holds none (85089). */
  getFuncConfig(envId: string, functionName: string): Promise<string[] | null>;
}

const API = 'https://api.weixin.qq.com';
const CLOUD_CALL_CONFIG = 1;
const NO_CONFIG = 85089;

async function post(path: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const res = await fetch(`${API}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const answer = (await res.json()) as Record<string, unknown>;
  return answer;
}

function refused(what: string, answer: Record<string, unknown>): Error {
  return new Error(`${what}: errcode ${String(answer.errcode)} ${String(answer.errmsg ?? '')}`);
}

export function createWeChatAdmin(appId: string, appSecret: string): WeChatAdmin {
  let token: Promise<string> | undefined;
  const accessToken = () => {
    token ??= post('/cgi-bin/stable_token', { grant_type: 'client_credential', appid: appId, secret: appSecret }).then((answer) => {
      if (typeof answer.access_token !== 'string') throw refused('stable_token', answer);
      return answer.access_token;
    });
    return token;
  };
  return {
    async uploadFuncConfig(envId, functionName, permissions) {
      const answer = await post(`/tcb/uploadfuncconfig?access_token=${await accessToken()}`, {
        type: CLOUD_CALL_CONFIG,
        env: envId,
        function_name: functionName,
        config: JSON.stringify({ permissions: { openapi: permissions } }),
      });
      if (answer.errcode !== 0) throw refused(`uploadfuncconfig ${functionName}`, answer);
    },
    async getFuncConfig(envId, functionName) {
      const answer = await post(`/tcb/getfuncconfig?access_token=${await accessToken()}`, { type: CLOUD_CALL_CONFIG, env: envId, function_name: functionName });
      if (answer.errcode === NO_CONFIG) return null;
      if (answer.errcode !== 0 || typeof answer.config !== 'string') throw refused(`getfuncconfig ${functionName}`, answer);
      const openapi = (JSON.parse(answer.config) as { permissions?: { openapi?: unknown } }).permissions?.openapi;
      return Array.isArray(openapi) ? openapi.map(String) : [];
    },
  };
}
