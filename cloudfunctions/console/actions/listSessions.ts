import { COLLECTIONS } from '../../../infra/database';
import type { SessionDocument } from '../../../infra/documents/console';
import { requireOpenid } from '../../core/caller';
import type { Handler } from '../../core/handler';

/** The caller's console sessions still open, newest first: the mini-program lists them to end one. */
export const listSessions: Handler<'console.listSessions'> = async (_payload, ctx) => {
  const openid = requireOpenid(ctx);
  const _ = ctx.db.command;
  const { data } = await ctx.db
    .collection(COLLECTIONS.consoleSessions)
    .where({ openid, endedAt: null, expiresAt: _.gt(ctx.now) })
    .orderBy('expiresAt', 'desc')
    .limit(50)
    .get();
  const currentId = ctx.http?.session?._id;
  return {
    sessions: (data as SessionDocument[]).map((session) => ({
      sessionId: session._id,
      browser: session.browser,
      place: session.place,
      createdAt: new Date(session.createdAt).toISOString(),
      expiresAt: new Date(session.expiresAt).toISOString(),
      current: session._id === currentId,
    })),
  };
};
