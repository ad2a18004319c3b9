import { planFollowUp, SUGGESTION_STATUS_LABELS } from '../machine';
import type { Handler } from '../../core/handler';
import { actorOf, loadSuggestion } from '../access';
import { notifyAnswered } from '../notifications';
import { mutate } from '../store';

/**
 * The lead unit reports a B-class answer's promised work (续办答复) with the class it now stands at:
 * A or C takes it off the follow-up list, B keeps it there. Every deputy behind it gets a message;
 * residents are told on their timelines. About five database requests.
 */
export const followUp: Handler<'suggestion.followUp'> = async ({ suggestionId, answerClass, text }, ctx) => {
  const { caller, doc } = await loadSuggestion(ctx, suggestionId, ['handler'], ['handler']);
  const departmentId = caller.handler?.departmentId ?? '';
  const { doc: after } = await mutate(ctx, doc, (current) => planFollowUp(current, { departmentId, answerClass, text }, ctx, actorOf(caller, 'handler')));
  await notifyAnswered(ctx.db, after, ctx.now, false);
  return { suggestionId, status: after.status, statusLabel: SUGGESTION_STATUS_LABELS[after.status] };
};
