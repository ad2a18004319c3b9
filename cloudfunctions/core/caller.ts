import type { CallContext } from './handler';
import { fail } from './errors';

/** The caller's OPENID, or AUTH.REQUIRED when the call carries no WeChat identity. */
export function requireOpenid(ctx: CallContext): string {
  if (!ctx.openid) fail('AUTH.REQUIRED');
  return ctx.openid;
}
