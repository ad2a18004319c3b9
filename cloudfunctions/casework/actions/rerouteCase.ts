import { planReroute } from '../../../miniprogram/shared/domain/casework';
import { caseEnv } from '../../core/caseDeadlines';
import type { Handler } from '../../core/handler';
import { statusOf } from '../../../infra/documents/opinions';
import { loadCaseWithDepartments } from '../departments';
import { commit } from '../transition';

/**
 * Staff re-route a case a department sent back (改派): the departments named (active, of the case's
 * area or one above) take it with the answer deadline counted from now — the time before re-routing
 * never counts against them. The resident sees 改由：…. The caller, the case and the departments
 * are read together: four database requests.
 */
export const rerouteCase: Handler<'casework.reroute'> = async ({ opinionId, departmentIds, note }, ctx) => {
  const { worker, opinion, departments } = await loadCaseWithDepartments(ctx, opinionId, departmentIds);
  const after = await commit(ctx, opinion, planReroute(opinion, { departments, note }, await caseEnv(ctx), worker.actor));
  return { opinionId, ...statusOf(after), event: 'rerouted' };
};
