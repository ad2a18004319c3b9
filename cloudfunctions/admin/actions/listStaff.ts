import { COLLECTIONS } from '../../../infra/database';
import type { StaffMember } from '../../../miniprogram/shared/contract/admin';
import { STAFF_ROLE_LABELS, type StaffRole } from '../../../miniprogram/shared/domain/account';
import type { Area } from '../../../miniprogram/shared/domain/directory';
import type { AccountDocument } from '../../core/accounts';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { loadAdmin } from '../staffScope';

const MOST = 500;
const ROLE_ORDER: readonly StaffRole[] = ['admin', 'area', 'station', 'handler'];

export function staffMember(account: AccountDocument): StaffMember | null {
  const staff = account.staff;
  if (!staff) return null;
  const member: StaffMember = {
    accountId: account._id,
    name: account.staffName ?? '',
    role: staff.role,
    roleLabel: STAFF_ROLE_LABELS[staff.role],
    areaId: staff.areaId,
    boundAt: account.staffBoundAt ? new Date(account.staffBoundAt).toISOString() : null,
  };
  if (staff.stationId) member.stationId = staff.stationId;
  if (staff.departmentId) member.departmentId = staff.departmentId;
  if (staff.departmentName) member.departmentName = staff.departmentName;
  return member;
}

/**
 * Administrators: the staff and handler accounts of an area's subtree (default: their own area),
 * by role then name. Three database requests.
 */
export const listStaff: Handler<'admin.listStaff'> = async ({ areaId }, ctx) => {
  const { scope } = await loadAdmin(ctx);
  const { db } = ctx;
  const _ = db.command;
  const within = areaId ?? scope.areaId;
  const { data: areaRows } = await db.collection(COLLECTIONS.areas).where({ path: within }).limit(1000).field({ _id: true, path: true }).get();
  const areas = areaRows as Array<Pick<Area, '_id' | 'path'>>;
  const top = areas.find((area) => area._id === within);
  if (!top) fail('ADMIN.AREA_NOT_FOUND');
  if (!top.path.includes(scope.areaId)) fail('ADMIN.OUT_OF_SCOPE');
  const { data } = await db
    .collection(COLLECTIONS.accounts)
    .where({ 'staff.areaId': _.in(areas.map((area) => area._id)), roles: 'staff' })
    .limit(MOST)
    .get();
  const staff = (data as AccountDocument[]).map(staffMember).filter((member): member is StaffMember => member !== null);
  staff.sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || a.name.localeCompare(b.name, 'zh-Hans-CN'));
  return { staff };
};
