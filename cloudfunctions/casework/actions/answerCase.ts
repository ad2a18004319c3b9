import { isRefusal, planAnswer } from '../../../miniprogram/shared/domain/casework';
import { writeCaseChange } from '../../core/caseChanges';
import { caseEnv } from '../../core/caseDeadlines';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { statusOf, type OpinionDocument } from '../../../infra/documents/opinions';
import { loadCase, refusalCode, reloadCase, requireHandleable } from '../access';

/** Two departments of a round answering at the same moment: the one that lost reads again and tries once more. */
const MAX_ATTEMPTS = 3;

/**
 * A handler gives their department's answer (办理结果): 已解决, or 列入计划 / 留作参考 with the
 * reason. The resident does not see it until staff approve it; when the last department of the
 * round has answered, the case waits for that review. Only a department the case is assigned to
 * (and that has not answered) may. Three database requests (two more per lost race).
 */
export const answerCase: Handler<'casework.answer'> = async ({ opinionId, category, text, reason }, ctx) => {
  const { worker, opinion: first } = await loadCase(ctx, opinionId, 'handler');
  requireHandleable(first);
  const env = await caseEnv(ctx);
  const departmentId = worker.scope.departmentId ?? '';
  let opinion: OpinionDocument = first;
  for (let attempt = 1; ; attempt += 1) {
    const plan = planAnswer(opinion, { departmentId, category, text, reason }, env, worker.actor);
    if (isRefusal(plan)) fail(refusalCode(plan.refused));
    if (await writeCaseChange(ctx.db, opinionId, plan, ctx.now)) return { opinionId, ...statusOf({ status: plan.to }), event: 'departmentAnswered' };
    if (attempt >= MAX_ATTEMPTS) fail('CASE.ILLEGAL_TRANSITION');
    opinion = await reloadCase(ctx, opinionId);
  }
};
