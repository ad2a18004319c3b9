import { COLLECTIONS } from '../../../infra/database';
import type { DepartmentChoice } from '../../../miniprogram/shared/contract/casework';
import { planReroute } from '../../../miniprogram/shared/domain/casework';
import { caseEnv } from '../../core/caseDeadlines';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { statusOf } from '../../../infra/documents/opinions';
import { loadCase } from '../access';
import { commit } from '../transition';

/**
 * Staff re-route a case a department sent back (改派): the departments named (active, of the case's
 * area or one above) take it with the answer deadline counted from now — the time before re-routing
 * never counts against them. The resident sees 改由：…. The caller, the case and the departments
 * are read together: four database requests.
 */
export const rerouteCase: Handler<'casework.reroute'> = async ({ opinionId, departmentIds, note }, ctx) => {
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
  const after = await commit(ctx, opinion, planReroute(opinion, { departments, note }, await caseEnv(ctx), worker.actor));
  return { opinionId, ...statusOf(after), event: 'rerouted' };
};
