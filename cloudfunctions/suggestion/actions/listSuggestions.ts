import { COLLECTIONS } from '../../../infra/database';
import type { SuggestionDocument } from '../../../infra/documents/suggestions';
import type { StaffSuggestionView } from '../../../miniprogram/shared/contract/suggestion';
import type { Database } from '../../core/cloud';
import type { Handler } from '../../core/handler';
import { loadSuggestionCaller } from '../access';
import { SUMMARY_FIELDS, suggestionSummary } from '../views';
import { SUGGESTION_PAGE_SIZE } from './listMine';

/** Each work queue: which suggestions, in which order (work waits oldest first; the supervision list soonest due first). */
function viewQuery(db: Database, view: StaffSuggestionView, now: Date): { filter: object; order: [string, 'asc' | 'desc'] } {
  const _ = db.command;
  switch (view) {
    case 'toReview':
      return { filter: { status: 'submitted' }, order: ['submittedAt', 'asc'] };
    case 'toAssign':
      return { filter: _.or([{ status: 'registered' }, { referralOpen: true }]), order: ['statusChangedAt', 'asc'] };
    case 'handling':
      return { filter: { status: _.in(['assigned', 'rehandling']) }, order: ['deadline.dueAt', 'asc'] };
    case 'extensions':
      return { filter: { 'extension.state': 'pending' }, order: ['statusChangedAt', 'asc'] };
    case 'referred':
      return { filter: { referralOpen: true }, order: ['statusChangedAt', 'asc'] };
    case 'answered':
      return { filter: { status: 'answered' }, order: ['statusChangedAt', 'asc'] };
    case 'followUp':
      return { filter: { followUp: true }, order: ['statusChangedAt', 'asc'] };
    case 'overdue':
      return { filter: { status: _.in(['assigned', 'rehandling']), 'deadline.dueAt': _.lt(now) }, order: ['deadline.dueAt', 'asc'] };
    case 'key':
      return { filter: { key: _.neq(null) }, order: ['number', 'asc'] };
    case 'closed':
      return { filter: { status: _.in(['closed', 'noted']) }, order: ['statusChangedAt', 'desc'] };
    default:
      return { filter: {}, order: ['updatedAt', 'desc'] };
  }
}

/**
 * Staff (area staff, administrators): the suggestions submitted to the congresses of their area, by
 * work queue — 待审查, 待交办 (registered, or a unit sent it back), 办理中, 延期申请, 单位退回, 待评价,
 * B类跟踪, 超期 (the supervision list), 重点督办, 已办结, 全部 — optionally of one session. Drafts are the
 * deputies' own and never listed. Two database requests.
 */
export const listSuggestions: Handler<'suggestion.list'> = async ({ view, sessionId, cursor = 0, pageSize = SUGGESTION_PAGE_SIZE }, ctx) => {
  const caller = await loadSuggestionCaller(ctx, ['staff']);
  const { db, now } = ctx;
  const _ = db.command;
  const { filter, order } = viewQuery(db, view, now);
  const conditions: object[] = [{ areaPath: caller.staff?.areaId ?? '' }, { status: _.neq('draft') }, filter];
  if (sessionId) conditions.push({ sessionId });
  const { data } = await db
    .collection(COLLECTIONS.suggestions)
    .where(_.and(conditions))
    .orderBy(order[0], order[1])
    .orderBy('_id', 'asc')
    .skip(cursor)
    .limit(pageSize + 1)
    .field(SUMMARY_FIELDS)
    .get();
  const rows = data as SuggestionDocument[];
  return { items: rows.slice(0, pageSize).map((row) => suggestionSummary(row, now)), nextCursor: rows.length > pageSize ? cursor + pageSize : null };
};
