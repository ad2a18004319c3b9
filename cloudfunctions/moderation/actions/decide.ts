import { decide, MODERATION_STATE_LABELS, visiblePhotos, type ModerationDecision } from '../../../miniprogram/shared/domain/moderation';
import type { ModerationResult } from '../../../miniprogram/shared/contract/privacy';
import { fail } from '../../core/errors';
import type { CallContext, Handler } from '../../core/handler';
import { changeModeration, loadReviewer, mayReview } from '../access';

/**
 * Staff decide on everything flagged in one opinion. Only what awaits review in the reviewer's
 * area can be decided; anything else — decided already (by a colleague), outside the area,
 * missing — answers MODERATION.NOT_FOUND alike. Two database requests (more if a verdict
 * arrives at the same moment).
 */
async function decideOn(opinionId: string, decision: ModerationDecision, note: string | undefined, ctx: CallContext): Promise<ModerationResult> {
  const reviewer = await loadReviewer(ctx);
  const written = await changeModeration(
    ctx.db,
    { _id: opinionId, 'moderation.awaitingReview': true },
    (opinion) => {
      if (!mayReview(reviewer.scope, opinion)) return null;
      return {
        ...decide(opinion.moderation, decision),
        reviewedBy: { openid: reviewer.openid, role: reviewer.scope.role },
        reviewedAt: ctx.now,
        ...(note ? { reviewNote: note } : {}),
      };
    },
    ctx.now,
  );
  if (!written) fail('MODERATION.NOT_FOUND');
  const state = written.moderation.state ?? 'published';
  return { opinionId, state, stateLabel: MODERATION_STATE_LABELS[state], visiblePhotos: visiblePhotos(written.photos, written.moderation).length };
}

export const approveContent: Handler<'moderation.approve'> = ({ opinionId }, ctx) => decideOn(opinionId, 'approved', undefined, ctx);

export const rejectContent: Handler<'moderation.reject'> = ({ opinionId, note }, ctx) => decideOn(opinionId, 'rejected', note, ctx);
