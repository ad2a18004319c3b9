import { COLLECTIONS } from '../../infra/database';
import type { DepartmentChoice } from '../../miniprogram/shared/contract/casework';
import type { Database } from '../core/cloud';
import { fail } from '../core/errors';
import type { CallContext } from '../core/handler';
import { loadCase } from './access';

const MOST = 200;

/** Active departments a case at `areaPath` may be assigned to: those of its own area and of every area above. One request. */
export async function assignableDepartments(db: Database, areaPath: readonly string[], only?: readonly string[]): Promise<DepartmentChoice[]> {
  const _ = db.command;
  const query: Record<string, unknown> = { areaId: _.in([...areaPath]), active: true };
  if (only) query._id = _.in([...only]);
  const { data } = await db.collection(COLLECTIONS.departments).where(query).orderBy('name', 'asc').limit(MOST).field({ _id: true, name: true, areaId: true }).get();
  const found = data as DepartmentChoice[];
  // Nearest area first: the station's own departments before the district's and the city's.
  return found.sort((a, b) => areaPath.indexOf(b.areaId) - areaPath.indexOf(a.areaId));
}

/**
 * Staff's case with the departments they chose for it (交办, 改派), read together with the caller and
 * the case: each must be active and of the case's area or one above, or CASE.DEPARTMENT_UNAVAILABLE.
 * One round of parallel reads.
 */
export async function loadCaseWithDepartments(ctx: CallContext, opinionId: string, departmentIds: readonly string[]) {
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
  return { worker, opinion, departments };
}
