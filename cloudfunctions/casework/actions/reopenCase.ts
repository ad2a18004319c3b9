import { planReopen } from '../../../miniprogram/shared/domain/casework';
import { caseEnv } from '../../core/caseDeadlines';
import type { Handler } from '../../core/handler';
import { statusOf } from '../../../infra/documents/opinions';
import { loadCase } from '../access';
import { commit } from '../transition';

/**
 * Staff reopen a closed case whose resident answered 没有解决 at the 回访: it waits to be assigned
 * again (二次交办) on the 交办 clock, its history and the 回访 answer kept. Any other closed case is
 * refused (CASE.NOT_REOPENABLE). Two database requests and the calendar.
 */
export const reopenCase: Handler<'casework.reopen'> = async ({ opinionId, note }, ctx) => {
  const { worker, opinion } = await loadCase(ctx, opinionId, 'staff');
  const after = await commit(ctx, opinion, planReopen(opinion, { note }, await caseEnv(ctx), worker.actor));
  return { opinionId, ...statusOf(after), event: 'reopened' };
};
