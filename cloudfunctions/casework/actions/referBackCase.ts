import { isRefusal, planReferBack } from '../../../miniprogram/shared/domain/casework';
import { writeCaseChange } from '../../core/caseChanges';
import { caseEnv } from '../../core/caseDeadlines';
import { caseReferral } from '../../core/caseReferral';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { statusOf, type OpinionDocument } from '../../../infra/documents/opinions';
import { loadCase, refusalCode, reloadCase, requireHandleable } from '../access';

/** Two departments of a round acting at the same moment: the one that lost reads again and tries once more. */
const MAX_ATTEMPTS = 3;

/**
 * A handler sends a case back (退回): it is not their department's responsibility. Only while the
 * department still owes its answer, and within `CASE_REFERRAL` working days (7 by default) of its
 * assignment; the reason is for staff, who re-route it (casework.reroute). Three database requests
 * (two more per lost race).
 */
export const referBackCase: Handler<'casework.referBack'> = async ({ opinionId, reason }, ctx) => {
  const { worker, opinion: first } = await loadCase(ctx, opinionId, 'handler');
  requireHandleable(first);
  const env = { ...(await caseEnv(ctx)), referral: caseReferral() };
  const departmentId = worker.scope.departmentId ?? '';
  let opinion: OpinionDocument = first;
  for (let attempt = 1; ; attempt += 1) {
    const plan = planReferBack(opinion, { departmentId, reason }, env, worker.actor);
    if (isRefusal(plan)) fail(refusalCode(plan.refused));
    if (await writeCaseChange(ctx.db, opinionId, plan, ctx.now)) return { opinionId, ...statusOf({ status: plan.to }), event: 'referredBack' };
    if (attempt >= MAX_ATTEMPTS) fail('CASE.ILLEGAL_TRANSITION');
    opinion = await reloadCase(ctx, opinionId);
  }
};
