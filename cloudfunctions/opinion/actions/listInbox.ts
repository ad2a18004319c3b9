import { COLLECTIONS } from '../../../infra/database';
import { INBOX_FILTER_STATUSES, INBOX_FILTERS, type InboxFilter } from '../../../miniprogram/shared/domain/opinion';
import type { Database } from '../../core/cloud';
import type { Handler } from '../../core/handler';
import { addressedTo, loadDeputyCaller, type DeputyCaller } from '../deputyCaller';
import { inboxItem } from '../deputyView';
import type { OpinionDocument } from '../../../infra/documents/opinions';
import { countPerTab, readPage, type PageOrder } from '../../core/paging';

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

/** Which opinions each tab holds, and in which order. */
function inboxTab(db: Database, status: InboxFilter): { filter: Record<string, unknown>; order: PageOrder } {
  const _ = db.command;
  switch (status) {
    case 'pending':
      return { filter: { status: _.in([...INBOX_FILTER_STATUSES.pending]) }, order: { field: 'createdAt', direction: 'asc' } };
    case 'replied':
      return { filter: { reply: _.neq(null) }, order: { field: 'reply.at', direction: 'desc' } };
    case 'forwarded':
      return { filter: { forward: _.neq(null) }, order: { field: 'forward.at', direction: 'desc' } };
    default:
      return { filter: { status: _.in([...INBOX_FILTER_STATUSES.following]), reply: null, forward: null }, order: { field: 'statusChangedAt', direction: 'desc' } };
  }
}

/**
 * How many opinions each tab holds: one count per tab, each on the deputy's indexed fields
 * (deputyId, stationId), none reading the opinions themselves.
 */
function countTabs(db: Database, deputy: DeputyCaller): Promise<Record<InboxFilter, number>> {
  return countPerTab(db, COLLECTIONS.opinions, INBOX_FILTERS, (tab) => db.command.and([addressedTo(db, deputy), inboxTab(db, tab).filter]));
}

/**
 * A deputy's inbox. 待处理 lists the oldest waiting first, so nobody waits longest by accident;
 * the handled tabs list the most recently handled first, and keep an opinion once replied or
 * forwarded whatever happens to the case after (rated, assigned, closed); 已交办 lists what staff
 * took over without the deputies, most recently changed first, to follow (read only). The first
 * page also counts every tab (待处理 3, 已回复 12): six database requests; a later page two.
 */
export const listInbox: Handler<'opinion.inbox'> = async ({ status, cursor, pageSize = INBOX_PAGE_SIZE }, ctx) => {
  const deputy = await loadDeputyCaller(ctx);
  const { db, now } = ctx;
  const { filter, order } = inboxTab(db, status);
  const page = { collection: COLLECTIONS.opinions, where: [addressedTo(db, deputy), filter], order, cursor, pageSize, fields: INBOX_FIELDS };
  const [{ items, nextCursor }, counts] = await Promise.all([readPage<OpinionDocument>(db, page), cursor === undefined ? countTabs(db, deputy) : undefined]);
  return { items: items.map((opinion) => inboxItem(opinion, deputy, now)), nextCursor, ...(counts ? { counts } : {}) };
};
