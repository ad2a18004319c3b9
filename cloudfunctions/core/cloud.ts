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
