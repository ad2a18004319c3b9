import { COLLECTIONS } from '../../../infra/database';
import { isRefusal, planAnswerFollowUp, type CaseRefusalReason } from '../../../miniprogram/shared/domain/casework';
import type { ErrorCode } from '../../../miniprogram/shared/errors';
import { writeCaseChange } from '../../core/caseChanges';
import { requireOpenid } from '../../core/caller';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { statusOf, type OpinionDocument } from '../../../infra/documents/opinions';

const REFUSALS: Partial<Record<CaseRefusalReason, ErrorCode>> = { followUpAnswered: 'OPINION.FOLLOW_UP_ANSWERED' };

/**
 * The resident answers the 回访 of their own closed opinion: is the problem really solved? Only
 * once it was asked (the timer asks weeks after closing), and once: two taps racing write one
 * answer, the other is told it was answered. The rating stays as it was; 没有解决 lets staff reopen
 * the case (casework.reopen). Another resident's opinion is not found, exactly like a missing one.
 * Two database requests.
 */
export const answerFollowUp: Handler<'opinion.answerFollowUp'> = async ({ opinionId, answer, note }, ctx) => {
  const openid = requireOpenid(ctx);
  const { db, now } = ctx;
  const { data } = await db.collection(COLLECTIONS.opinions).where({ _id: opinionId, authorOpenid: openid }).limit(1).get();
  const opinion = (data as OpinionDocument[])[0];
  if (!opinion) fail('OPINION.NOT_FOUND');
  const change = planAnswerFollowUp(opinion, { answer, note }, ctx, { role: 'resident', id: openid });
  if (isRefusal(change)) fail(REFUSALS[change.refused] ?? 'OPINION.FOLLOW_UP_NOT_DUE');
  if (!(await writeCaseChange(db, opinionId, change, now))) fail('OPINION.FOLLOW_UP_ANSWERED');
  return { opinionId, ...statusOf({ status: change.to }), event: 'followedUp', answer, reopenable: answer === 'unsolved' };
};
