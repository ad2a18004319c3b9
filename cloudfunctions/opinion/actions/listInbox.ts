import { COLLECTIONS } from '../../../infra/database';
import { INBOX_FILTER_STATUSES } from '../../../miniprogram/shared/domain/opinion';
import type { Handler } from '../../core/handler';
import { addressedTo, loadDeputyCaller } from '../deputyCaller';
import { inboxItem } from '../deputyView';
import type { OpinionDocument } from '../../../infra/documents/opinions';
import { pageOf, pageStart, type PageOrder } from '../../core/paging';

export const INBOX_PAGE_SIZE = 20;

const INBOX_FIELDS = {
  _id: true,
  trackingNo: true,
  category: true,
  text: true,
  deputyId: true,
  stationName: true,
  status: true,
  statusChangedAt: true,
  createdAt: true,
  photos: true,
  'reply.at': true,
  'forward.at': true,
};

/**
 * A deputy's inbox. 待处理 lists the oldest waiting first, so nobody waits longest by accident;
 * the handled tabs list the most recently handled first, and keep an opinion once replied or
 * forwarded whatever happens to the case after (rated, assigned, closed); 已交办 lists what staff
 * took over without the deputies, most recently changed first, to follow (read only). Two database requests.
 */
export const listInbox: Handler<'opinion.inbox'> = async ({ status, cursor, pageSize = INBOX_PAGE_SIZE }, ctx) => {
  const deputy = await loadDeputyCaller(ctx);
  const { db, now } = ctx;
  const _ = db.command;
  const [filter, orderField, direction] =
    status === 'pending'
      ? [{ status: _.in([...INBOX_FILTER_STATUSES.pending]) }, 'createdAt', 'asc' as const]
      : status === 'replied'
        ? [{ reply: _.neq(null) }, 'reply.at', 'desc' as const]
        : status === 'forwarded'
          ? [{ forward: _.neq(null) }, 'forward.at', 'desc' as const]
          : [{ status: _.in([...INBOX_FILTER_STATUSES.following]), reply: null, forward: null }, 'statusChangedAt', 'desc' as const];
  const order: PageOrder = { field: orderField, direction };
  const start = pageStart(db, order, cursor);
  const { data } = await db
    .collection(COLLECTIONS.opinions)
    .where(_.and([addressedTo(db, deputy), filter, ...start.conditions]))
    .orderBy(orderField, direction)
    .orderBy('_id', 'asc')
    .skip(start.skip)
    .limit(pageSize + 1)
    .field(INBOX_FIELDS)
    .get();
  const { items, nextCursor } = pageOf(data as OpinionDocument[], pageSize, order);
  return { items: items.map((opinion) => inboxItem(opinion, deputy, now)), nextCursor };
};
