import tcb from '@cloudbase/node-sdk';

/**
 * The CloudBase app of this function instance. On CloudBase the platform supplies the
 * environment and credentials; the local runtime supplies the same through environment
 * variables (TCB_CONTEXT_CNFG points the SDK at it). Nothing here knows which one it is.
 */
let app: ReturnType<typeof tcb.init> | undefined;

export function cloudApp(): ReturnType<typeof tcb.init> {
  app ??= tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
  return app;
}

export function database() {
  return cloudApp().database();
}

export type Database = ReturnType<typeof database>;

/** The caller's WeChat identity, read only from the invocation context the platform sets. */
export function openidFromContext(context: unknown): string | null {
  if (typeof context !== 'object' || context === null) return null;
  // Timer triggers and direct invocations carry no caller environment at all.
  if (!('environment' in context) && !('environ' in context)) return null;
  const env = tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0]);
  const openid = env.WX_OPENID;
  return typeof openid === 'string' && openid.length > 0 ? openid : null;
}

/**
 * What triggered this invocation, as the platform says in the context (getWXContext().SOURCE,
 * TCB_SOURCE): a comma-separated chain such as `wx_client` (a mini-program's callFunction) or
 * `wx_client,scf` (a function the mini-program called, calling this one); empty when it says nothing.
 */
export function invocationSource(context: unknown): string {
  if (typeof context !== 'object' || context === null) return '';
  if (!('environment' in context) && !('environ' in context)) return '';
  const source = (tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0]) as unknown as Record<string, unknown>).TCB_SOURCE;
  return typeof source === 'string' ? source : '';
}

/** Sources WeChat documents for calls a person's client starts (IDE, mini-program, local debugging, crawler, HTTP API). */
const CLIENT_SOURCES = new Set(['wx_devtools', 'wx_client', 'wx_http', 'wx_localdebug', 'wx_crawler']);

/**
 * Whether the invocation was started by a caller rather than by the platform: a chain that begins
 * with a client source, or any call carrying a user's OPENID. WeChat's message push to a function
 * is neither.
 */
export function isCallerInvocation(context: unknown): boolean {
  const first = invocationSource(context).split(',')[0]?.trim() ?? '';
  return CLIENT_SOURCES.has(first) || openidFromContext(context) !== null;
}
