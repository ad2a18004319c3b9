import { COLLECTIONS } from '../../../infra/database';
import type { SuggestionDocument } from '../../../infra/documents/suggestions';
import { STAFF_SUGGESTION_VIEWS, type StaffSuggestionView } from '../../../miniprogram/shared/contract/suggestion';
import type { Database } from '../../core/cloud';
import type { Handler } from '../../core/handler';
import { loadSuggestionCaller } from '../access';
import { SUMMARY_FIELDS, suggestionSummary } from '../views';
import { SUGGESTION_PAGE_SIZE } from './listMine';
import { countPerTab, readPage, type PageOrder } from '../../core/paging';

/** Each work queue: which suggestions, in which order (work waits oldest first; the supervision list soonest due first). */
function viewQuery(db: Database, view: StaffSuggestionView, now: Date): { filter: object; order: PageOrder } {
  const _ = db.command;
  switch (view) {
    case 'toReview':
      return { filter: { status: 'submitted' }, order: { field: 'submittedAt', direction: 'asc' } };
    case 'toAssign':
      return { filter: _.or([{ status: 'registered' }, { referralOpen: true }]), order: { field: 'statusChangedAt', direction: 'asc' } };
    case 'handling':
      return { filter: { status: _.in(['assigned', 'rehandling']) }, order: { field: 'deadline.dueAt', direction: 'asc' } };
    case 'extensions':
      return { filter: { 'extension.state': 'pending' }, order: { field: 'statusChangedAt', direction: 'asc' } };
    case 'referred':
      return { filter: { referralOpen: true }, order: { field: 'statusChangedAt', direction: 'asc' } };
    case 'answered':
      return { filter: { status: 'answered' }, order: { field: 'statusChangedAt', direction: 'asc' } };
    case 'followUp':
      return { filter: { followUp: true }, order: { field: 'statusChangedAt', direction: 'asc' } };
    case 'overdue':
      return { filter: { status: _.in(['assigned', 'rehandling']), 'deadline.dueAt': _.lt(now) }, order: { field: 'deadline.dueAt', direction: 'asc' } };
    case 'key':
      return { filter: { key: _.neq(null) }, order: { field: 'number', direction: 'asc' } };
    case 'closed':
      return { filter: { status: _.in(['closed', 'noted']) }, order: { field: 'statusChangedAt', direction: 'desc' } };
    default:
      return { filter: {}, order: { field: 'updatedAt', direction: 'desc' } };
  }
}

/** How many suggestions each work queue holds, in the same scope: one count per queue on indexed fields, none read. */
function countViews(db: Database, scope: readonly object[], now: Date): Promise<Record<StaffSuggestionView, number>> {
  return countPerTab(db, COLLECTIONS.suggestions, STAFF_SUGGESTION_VIEWS, (view) => db.command.and([...scope, viewQuery(db, view, now).filter]));
}

/**
 * Staff (area staff, administrators): the suggestions submitted to the congresses of their area, by
 * work queue — 待审查, 待交办 (registered, or a unit sent it back), 办理中, 延期申请, 单位退回, 待评价,
 * B类跟踪, 超期 (the supervision list), 重点督办, 已办结, 全部 — optionally of one session. Drafts are the
 * deputies' own and never listed. Two database requests, and on the first page one count per queue
 * (待审查 3): thirteen.
 */
export const listSuggestions: Handler<'suggestion.list'> = async ({ view, sessionId, cursor, pageSize = SUGGESTION_PAGE_SIZE }, ctx) => {
  const caller = await loadSuggestionCaller(ctx, ['staff']);
  const { db, now } = ctx;
  const _ = db.command;
  const { filter, order } = viewQuery(db, view, now);
  const scope: object[] = [{ areaPath: caller.staff?.areaId ?? '' }, { status: _.neq('draft') }];
  if (sessionId) scope.push({ sessionId });
  const page = { collection: COLLECTIONS.suggestions, where: [...scope, filter], order, cursor, pageSize, fields: SUMMARY_FIELDS };
  const [{ items, nextCursor }, counts] = await Promise.all([readPage<SuggestionDocument>(db, page), cursor === undefined ? countViews(db, scope, now) : undefined]);
  return { items: items.map((row) => suggestionSummary(row, now)), nextCursor, ...(counts ? { counts } : {}) };
};
