import { COLLECTIONS } from '../../../infra/database';
import type { CommentDocument, ProposalDocument } from '../../../infra/documents/projects';
import { MODERATION_STATE_LABELS } from '../../../miniprogram/shared/domain/moderation';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { loadProjectCaller, requireRound, requireRoundStaff } from '../access';

/**
 * The round's staff publish or reject a held proposal or comment (WeChat asked for a human
 * review). Only held text waits for a decision; deciding twice is PROJECT.ALREADY_REVIEWED. Four
 * database requests.
 */
export const review: Handler<'project.review'> = async ({ kind, id, decision, note }, ctx) => {
  const { db, now } = ctx;
  const collection = kind === 'proposal' ? COLLECTIONS.projectProposals : COLLECTIONS.projectComments;
  const [caller, { data }] = await Promise.all([loadProjectCaller(ctx), db.collection(collection).where({ _id: id }).limit(1).get()]);
  const item = (data as Array<ProposalDocument | CommentDocument>)[0];
  if (!caller.staff) fail('AUTH.FORBIDDEN');
  if (!item) fail('COMMON.NOT_FOUND');
  const round = await requireRound(db, item.roundId);
  requireRoundStaff(caller, round);
  const state = decision === 'approve' ? 'published' : 'rejected';
  const { updated } = await db
    .collection(collection)
    .where({ _id: id, 'moderation.state': 'held' })
    .update({
      'moderation.state': state,
      'moderation.awaitingReview': false,
      'moderation.reviewedBy': { openid: caller.openid, role: caller.staff.role },
      'moderation.reviewedAt': now,
      'moderation.reviewNote': note ?? '',
    });
  if (updated !== 1) fail('PROJECT.ALREADY_REVIEWED');
  return { state, stateLabel: MODERATION_STATE_LABELS[state] };
};
