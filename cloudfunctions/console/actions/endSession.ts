import { COLLECTIONS } from '../../../infra/database';
import { requireOpenid } from '../../core/caller';
import { clearedSessionCookie } from '../../core/consoleAccess';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';

/**
 * Ends a console session of the caller's: one they name (from the mini-program: 退出电脑端登录), or
 * the one this call came through (退出登录 in the console). Another person's session is answered
 * like one that does not exist.
 */
export const endSession: Handler<'console.endSession'> = async ({ sessionId }, ctx) => {
  const openid = requireOpenid(ctx);
  const target = sessionId ?? ctx.http?.session?._id;
  if (!target) fail('COMMON.NOT_FOUND');
  const { updated } = await ctx.db.collection(COLLECTIONS.consoleSessions).where({ _id: target, openid, endedAt: null }).update({ endedAt: ctx.now });
  if (updated !== 1) fail('COMMON.NOT_FOUND');
  if (ctx.http && target === ctx.http.session?._id) ctx.http.setCookie = clearedSessionCookie(ctx.http);
  return { ended: true };
};
