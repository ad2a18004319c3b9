import { planAnswer, SUGGESTION_STATUS_LABELS } from '../machine';
import type { Handler } from '../../core/handler';
import { actorOf, loadSuggestion } from '../access';
import { notifyAnswered } from '../notifications';
import { mutate } from '../store';

/**
 * The lead unit answers in writing with its class — A (已解决或采纳), B (正在解决或列入计划解决, with the
 * plan and when) or C (因条件限制暂时不能解决, with why) — once the 会办 units' views are in and the
 * 协办 units' are in or overdue; in the first round or after 重新办理. Every deputy behind it (the
 * lead and each co-signer) gets a message; the residents are told on their timelines, and the first
 * answer also reaches each of them once by message. About six database requests.
 */
export const answerSuggestion: Handler<'suggestion.answer'> = async ({ suggestionId, answerClass, text, reason }, ctx) => {
  const { caller, doc } = await loadSuggestion(ctx, suggestionId, ['handler'], ['handler']);
  const departmentId = caller.handler?.departmentId ?? '';
  const first = doc.answeredAt === null;
  const { doc: after } = await mutate(ctx, doc, (current) => planAnswer(current, { departmentId, answerClass, text, reason }, ctx, actorOf(caller, 'handler')));
  await notifyAnswered(ctx.db, after, ctx.now, first);
  return { suggestionId, status: after.status, statusLabel: SUGGESTION_STATUS_LABELS[after.status] };
};
