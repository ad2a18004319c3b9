import { planRate } from '../../../miniprogram/shared/domain/casework';
import { caseEnv } from '../../core/caseDeadlines';
import type { Handler } from '../../core/handler';
import { statusOf } from '../../../infra/documents/opinions';
import { settleOwnOpinion } from '../settleOwn';

/**
 * The resident rates the answer to their own opinion (回访 asks the resident, not the department).
 * Only while it awaits a rating, and once: two taps racing write one rating, the other is told it
 * was rated. 满意/基本满意 close the case; 不满意 with a reason reopens it for 二次交办.
 * Another resident's opinion is not found, exactly like a missing one. Two database requests.
 */
export const rateOpinion: Handler<'opinion.rate'> = async ({ opinionId, rating, comment }, ctx) => {
  const change = await settleOwnOpinion(ctx, opinionId, async (opinion, actor) => planRate(opinion, { rating, comment }, await caseEnv(ctx), actor), {
    byReason: { alreadyRated: 'OPINION.ALREADY_RATED' },
    otherwise: 'OPINION.NOT_RATABLE',
    raced: 'OPINION.ALREADY_RATED',
  });
  return { opinionId, ...statusOf({ status: change.to }), event: 'rated' };
};
