import { COLLECTIONS } from '../../../infra/database';
import type { ResidentMessageDocument } from '../../../infra/documents/notices';
import { shanghaiClock } from '../../../miniprogram/shared/domain/time';
import type { ResidentMessageView } from '../../../miniprogram/shared/contract/account';
import { requireOpenid } from '../../core/caller';
import type { Database } from '../../core/cloud';
import type { Handler } from '../../core/handler';
import { pageOf, pageStart, type PageOrder } from '../../core/paging';

export const MESSAGES_PAGE_SIZE = 20;
const NEWEST_FIRST: PageOrder = { field: 'createdAt', direction: 'desc' };

function view(doc: ResidentMessageDocument): ResidentMessageView {
  return { messageId: doc._id, event: doc.event, title: doc.title, body: doc.body, page: doc.page, at: shanghaiClock(new Date(doc.createdAt)), read: doc.readAt !== null };
}

/** One request. */
export async function unreadOf(db: Database, openid: string): Promise<number> {
  const { total } = await db.collection(COLLECTIONS.residentMessages).where({ openid, readAt: null }).count();
  return total;
}

/** 我的消息, newest first a page at a time (keyset cursor), and the unread count. Two database requests. */
export const listMessages: Handler<'account.listMessages'> = async ({ cursor, pageSize = MESSAGES_PAGE_SIZE }, ctx) => {
  const openid = requireOpenid(ctx);
  const start = pageStart(ctx.db, NEWEST_FIRST, cursor);
  const [{ data }, unread] = await Promise.all([
    ctx.db
      .collection(COLLECTIONS.residentMessages)
      .where(ctx.db.command.and([{ openid }, ...start.conditions]))
      .orderBy('createdAt', 'desc')
      .orderBy('_id', 'asc')
      .skip(start.skip)
      .limit(pageSize + 1)
      .get(),
    unreadOf(ctx.db, openid),
  ]);
  const page = pageOf(data as ResidentMessageDocument[], pageSize, NEWEST_FIRST);
  return { items: page.items.map(view), nextCursor: page.nextCursor, unread };
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
