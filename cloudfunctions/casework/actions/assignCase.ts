import { COLLECTIONS } from '../../../infra/database';
import type { DepartmentChoice } from '../../../miniprogram/shared/contract/casework';
import { planAssign } from '../../../miniprogram/shared/domain/casework';
import { caseEnv } from '../../core/caseDeadlines';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { statusOf } from '../../../infra/documents/opinions';
import { loadCase } from '../access';
import { commit } from '../transition';

/**
 * Staff assign a case to one or more departments (交办), or again after the resident was not
 * satisfied (二次交办): each department must be active and belong to the case's area or an area
 * above it. The resident sees which departments; the note is the instruction to them. The
 * caller, the case and the departments are read together: four database requests.
 */
export const assignCase: Handler<'casework.assign'> = async ({ opinionId, departmentIds, note }, ctx) => {
  const { db } = ctx;
  const wanted = [...new Set(departmentIds)];
  const { worker, opinion, extra } = await loadCase(ctx, opinionId, 'staff', async () => {
    const { data } = await db
      .collection(COLLECTIONS.departments)
      .where({ _id: db.command.in(wanted), active: true })
      .limit(wanted.length)
      .field({ _id: true, name: true, areaId: true })
      .get();
    return data as DepartmentChoice[];
  });
  const departments = wanted.map((id) => extra.find((d) => d._id === id && opinion.areaPath.includes(d.areaId)));
  if (!departments.every((d): d is DepartmentChoice => d !== undefined)) fail('CASE.DEPARTMENT_UNAVAILABLE');
  const after = await commit(ctx, opinion, planAssign(opinion, { departments, note }, await caseEnv(ctx), worker.actor));
  return { opinionId, ...statusOf(after), event: 'assigned' };
};
