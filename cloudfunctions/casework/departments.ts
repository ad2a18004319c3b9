import { COLLECTIONS } from '../../infra/database';
import type { DepartmentChoice } from '../../miniprogram/shared/contract/casework';
import type { Database } from '../core/cloud';

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
