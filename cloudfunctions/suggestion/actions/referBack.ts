import { planReferBack, SUGGESTION_STATUS_LABELS } from '../machine';
import type { Handler } from '../../core/handler';
import { actorOf, loadSuggestion } from '../access';
import { notifyStaff } from '../notifications';
import { suggestionEnv } from '../settings';
import { mutate } from '../store';

/**
 * A unit that is not responsible sends the suggestion back (退回) within `referBackWorkingDays` (7
 * by default) of its assignment, with the reason; staff re-route it. When the lead leaves, the
 * clock stops until the next unit takes it. The congress's staff get a message, which says so when
 * the suggestion keeps bouncing between units. Four database requests, and one for the message.
 */
export const referBack: Handler<'suggestion.referBack'> = async ({ suggestionId, reason }, ctx) => {
  const { caller, doc } = await loadSuggestion(ctx, suggestionId, ['handler'], ['handler']);
  const departmentId = caller.handler?.departmentId ?? '';
  const env = await suggestionEnv(ctx);
  const { doc: after } = await mutate(ctx, doc, (current) => planReferBack(current, { departmentId, reason }, env, actorOf(caller, 'handler')));
  await notifyStaff(ctx.db, after, after.bounced ? `多次退回（${after.referralCount}次），请协调` : '承办单位申请退回', reason, ctx.now);
  return { suggestionId, status: after.status, statusLabel: SUGGESTION_STATUS_LABELS[after.status] };
};
