import { COLLECTIONS } from '../../../infra/database';
import type { ResidentMessageDocument } from '../../../infra/documents/notices';
import { shanghaiClock } from '../../../miniprogram/shared/domain/time';
import type { ResidentMessageView } from '../../../miniprogram/shared/contract/account';
import { requireOpenid } from '../../core/caller';
import type { Database } from '../../core/cloud';
import type { Handler } from '../../core/handler';

export const MESSAGES_PAGE_SIZE = 20;

function view(doc: ResidentMessageDocument): ResidentMessageView {
  return { messageId: doc._id, event: doc.event, title: doc.title, body: doc.body, page: doc.page, at: shanghaiClock(new Date(doc.createdAt)), read: doc.readAt !== null };
}

/** One request. */
async function unreadOf(db: Database, openid: string): Promise<number> {
  const { total } = await db.collection(COLLECTIONS.residentMessages).where({ openid, readAt: null }).count();
  return total;
}

/** 我的消息, newest first, and the unread count. Two database requests. */
export const listMessages: Handler<'account.listMessages'> = async ({ cursor = 0, pageSize = MESSAGES_PAGE_SIZE }, ctx) => {
  const openid = requireOpenid(ctx);
  const [{ data }, unread] = await Promise.all([
    ctx.db
      .collection(COLLECTIONS.residentMessages)
      .where({ openid })
      .orderBy('createdAt', 'desc')
      .skip(cursor)
      .limit(pageSize + 1)
      .get(),
    unreadOf(ctx.db, openid),
  ]);
  const rows = data as ResidentMessageDocument[];
  return { items: rows.slice(0, pageSize).map(view), nextCursor: rows.length > pageSize ? cursor + pageSize : null, unread };
};

/** The badge. One database request. */
export const countUnread: Handler<'account.countUnread'> = async (_payload, ctx) => ({ unread: await unreadOf(ctx.db, requireOpenid(ctx)) });

/** Marks the caller's own messages read; another's ids match nothing. Two database requests. */
export const readMessages: Handler<'account.readMessages'> = async ({ messageIds }, ctx) => {
  const openid = requireOpenid(ctx);
  const _ = ctx.db.command;
  const which = messageIds ? { openid, readAt: null, _id: _.in(messageIds) } : { openid, readAt: null };
  await ctx.db.collection(COLLECTIONS.residentMessages).where(which).update({ readAt: ctx.now });
  return { unread: await unreadOf(ctx.db, openid) };
};
