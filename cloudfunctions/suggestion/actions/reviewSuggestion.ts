import { numberLabel, planReview, SUGGESTION_STATUS_LABELS } from '../machine';
import { nextSequence } from '../../core/trackingSequence';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { actorOf, loadSuggestion } from '../access';
import { notifyReviewed } from '../notifications';
import { mutate } from '../store';

const TOLD: Record<string, { what: string; next: string }> = {
  registered: { what: '建议已立案', next: '将交有关单位办理，请留意答复' },
  noted: { what: '已转为一般意见', next: '请查看理由' },
  returned: { what: '建议退回修改', next: '请按意见修改后重新提交' },
};

/**
 * Staff review a submitted suggestion: 立案 as a 建议 or a 批评意见 (it gets the session's next number,
 * 第0001号 on), 转为一般意见 or back to the deputy to revise — both with the reason, which the deputy
 * reads. The lead deputy gets a message. Five database requests (seven to register: the number).
 */
export const reviewSuggestion: Handler<'suggestion.review'> = async ({ suggestionId, decision, note }, ctx) => {
  const { caller, doc } = await loadSuggestion(ctx, suggestionId, ['staff'], ['staff']);
  if (doc.status !== 'submitted') fail('SUGGESTION.ILLEGAL_TRANSITION');
  const registering = decision === 'register' || decision === 'criticism';
  // Taken before the write: a review that loses the race leaves a gap in the numbers, never a repeat.
  const number = registering ? await nextSequence(ctx.db, `suggestion-${doc.sessionId}`, ctx.now) : undefined;
  const { doc: after } = await mutate(ctx, doc, (current) => planReview(current, { decision, note, number }, ctx, actorOf(caller, 'staff')));
  const told = TOLD[after.status];
  if (told) await notifyReviewed(ctx.db, after, told.what, after.status === 'registered' ? told.next : note || told.next, ctx.now);
  return { suggestionId, status: after.status, statusLabel: SUGGESTION_STATUS_LABELS[after.status], numberLabel: numberLabel(after.number) };
};
