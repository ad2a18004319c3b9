/**
 * How a local caller says who they are. In production WeChat puts the OPENID into the
 * function's invocation context; locally the caller sends this header and the runtime puts
 * it in the same place. The event body is never consulted.
 */
import { LOCAL_RUNTIME_NOW } from '../../cloudfunctions/core/clock';
import { LOCAL_RUNTIME_RATE_SCALE } from '../../cloudfunctions/core/rateLimit';

/**
 * What triggered an invocation, as CloudBase says in the context's TCB_SOURCE (getWXContext().SOURCE):
 * `wx_client` for a mini-program's callFunction, `wx_trigger` for a timer. WeChat's message push
 * and HTTP access are not client calls and carry no client source.
 */
export type InvocationSource = 'wx_client' | 'wx_trigger' | null;

export const OPENID_HEADER = 'x-wx-openid';

const OPENID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function openidFromHeader(value: string | string[] | undefined): string | null {
  const openid = Array.isArray(value) ? value[0] : value;
  return openid && OPENID_PATTERN.test(openid) ? openid : null;
}

/**
 * The invocation context shape CloudBase passes to `main(event, context)`, plus the runtime clock's
 * reading (which CloudBase's context does not carry: there the functions read real time).
 */
export function invocationContext(options: {
  functionName: string;
  requestId: string;
  envId: string;
  appId: string;
  openid: string | null;
  now: Date;
  source: InvocationSource;
  /** The runtime configuration's factor on every rate limit (1 = as declared). */
  rateLimitScale: number;
}) {
  const wx: Record<string, string> = options.openid ? { WX_OPENID: options.openid, WX_APPID: options.appId, WX_UNIONID: '', WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID' } : {};
  return {
    request_id: options.requestId,
    function_name: options.functionName,
    function_version: '$LATEST',
    namespace: options.envId,
    memory_limit_in_mb: 256,
    time_limit_in_ms: 20_000,
    environment: JSON.stringify({ ...wx, ...(options.source ? { TCB_SOURCE: options.source } : {}), TCB_ENV: options.envId, SCF_NAMESPACE: options.envId }),
    [LOCAL_RUNTIME_NOW]: options.now.toISOString(),
    ...(options.rateLimitScale !== 1 ? { [LOCAL_RUNTIME_RATE_SCALE]: options.rateLimitScale } : {}),
  };
}
