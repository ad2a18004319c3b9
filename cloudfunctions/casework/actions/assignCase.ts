import { planAssign } from '../../../miniprogram/shared/domain/casework';
import { caseEnv } from '../../core/caseDeadlines';
import type { Handler } from '../../core/handler';
import { statusOf } from '../../../infra/documents/opinions';
import { loadCaseWithDepartments } from '../departments';
import { commit } from '../transition';

/**
 * Staff assign a case to one or more departments (交办), or again after the resident was not
 * satisfied (二次交办): each department must be active and belong to the case's area or an area
 * above it. The resident sees which departments; the note is the instruction to them. The
 * caller, the case and the departments are read together: four database requests.
 */
export const assignCase: Handler<'casework.assign'> = async ({ opinionId, departmentIds, note }, ctx) => {
  const { worker, opinion, departments } = await loadCaseWithDepartments(ctx, opinionId, departmentIds);
  const after = await commit(ctx, opinion, planAssign(opinion, { departments, note }, await caseEnv(ctx), worker.actor));
  return { opinionId, ...statusOf(after), event: 'assigned' };
};
