import { COLLECTIONS } from '../../../infra/database';
import type { Area } from '../../../miniprogram/shared/domain/directory';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { departmentView, type DepartmentDocument } from '../departments';
import { loadStaff } from '../staffScope';

const MOST = 500;

/**
 * The departments of an area's subtree (default: the caller's own area), by area then name; the
 * retired ones only when asked. The area must be the caller's or below it. Two database requests
 * (three for another area).
 */
export const listDepartments: Handler<'admin.listDepartments'> = async ({ areaId, includeInactive }, ctx) => {
  const { scope } = await loadStaff(ctx);
  const { db } = ctx;
  const within = areaId ?? scope.areaId;
  if (within !== scope.areaId) {
    const { data } = await db.collection(COLLECTIONS.areas).where({ _id: within }).limit(1).get();
    const area = (data as Area[])[0];
    if (!area) fail('ADMIN.AREA_NOT_FOUND');
    if (!area.path.includes(scope.areaId)) fail('ADMIN.OUT_OF_SCOPE');
  }
  const query: Record<string, unknown> = { areaPath: within };
  if (!includeInactive) query.active = true;
  const { data } = await db.collection(COLLECTIONS.departments).where(query).orderBy('areaId', 'asc').orderBy('name', 'asc').limit(MOST).get();
  return { departments: (data as DepartmentDocument[]).map(departmentView) };
};
