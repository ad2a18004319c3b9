import { COLLECTIONS } from '../../../infra/database';
import { isRefusal, planRate, type CaseRefusalReason } from '../../../miniprogram/shared/domain/casework';
import type { ErrorCode } from '../../../miniprogram/shared/errors';
import { writeCaseChange } from '../../core/caseChanges';
import { caseEnv } from '../../core/caseDeadlines';
import { requireOpenid } from '../../core/caller';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { statusOf, type OpinionDocument } from '../../../infra/documents/opinions';

const REFUSALS: Partial<Record<CaseRefusalReason, ErrorCode>> = { alreadyRated: 'OPINION.ALREADY_RATED' };

/**
 * The resident rates the answer to their own opinion (回访 asks the resident, not the department).
 * Only while it awaits a rating, and once: two taps racing write one rating, the other is told it
 * was rated. 满意/基本满意 close the case; 不满意 with a reason reopens it for 二次交办.
 * Another resident's opinion is not found, exactly like a missing one. Two database requests.
 */
export const rateOpinion: Handler<'opinion.rate'> = async ({ opinionId, rating, comment }, ctx) => {
  const openid = requireOpenid(ctx);
  const { db, now } = ctx;
  const { data } = await db.collection(COLLECTIONS.opinions).where({ _id: opinionId, authorOpenid: openid }).limit(1).get();
  const opinion = (data as OpinionDocument[])[0];
  if (!opinion) fail('OPINION.NOT_FOUND');
  const change = planRate(opinion, { rating, comment }, await caseEnv(ctx), { role: 'resident', id: openid });
  if (isRefusal(change)) fail(REFUSALS[change.refused] ?? 'OPINION.NOT_RATABLE');
  if (!(await writeCaseChange(db, opinionId, change, now))) fail('OPINION.ALREADY_RATED');
  return { opinionId, ...statusOf({ status: change.to }), event: 'rated' };
};
