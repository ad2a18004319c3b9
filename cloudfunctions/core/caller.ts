import type { StaffScope } from '../../miniprogram/shared/domain/account';
import { findAccount, type AccountDocument } from './accounts';
import { fail } from './errors';
import type { CallContext } from './handler';

/** The caller's OPENID, or AUTH.REQUIRED when the call carries no WeChat identity. */
export function requireOpenid(ctx: CallContext): string {
  if (!ctx.openid) fail('AUTH.REQUIRED');
  return ctx.openid;
}

export interface Caller {
  openid: string;
  account: AccountDocument | undefined;
}

/** The caller and their account (one database request). */
export async function loadCaller(ctx: CallContext): Promise<Caller> {
  const openid = requireOpenid(ctx);
  return { openid, account: await findAccount(ctx.db, openid) };
}

/** The deputy record this caller is bound to, or AUTH.FORBIDDEN. */
export function requireDeputy(caller: Caller): { deputyId: string; name: string } {
  const deputy = caller.account?.deputy;
  if (!deputy || !caller.account?.roles?.includes('deputy')) fail('AUTH.FORBIDDEN');
  return deputy;
}

/** Any staff account, department handlers included, or AUTH.FORBIDDEN. */
export function requireStaffAccount(caller: Caller): StaffScope {
  const staff = caller.account?.staff;
  if (!staff || !caller.account?.roles?.includes('staff')) fail('AUTH.FORBIDDEN');
  return staff;
}

/**
 * The caller's scope as congress staff (station, area, admin), or AUTH.FORBIDDEN. A department's
 * handler is not congress staff: they only answer the cases assigned to their department.
 */
export function requireStaff(caller: Caller): StaffScope {
  const staff = requireStaffAccount(caller);
  if (staff.role === 'handler') fail('AUTH.FORBIDDEN');
  return staff;
}

/** The caller as a department's handler: their scope with the department, or AUTH.FORBIDDEN. */
export function requireHandler(caller: Caller): StaffScope & { departmentId: string } {
  const staff = requireStaffAccount(caller);
  if (staff.role !== 'handler' || !staff.departmentId) fail('AUTH.FORBIDDEN');
  return { ...staff, departmentId: staff.departmentId };
}

/**
 * Whether a staff scope covers something located at `areaPath` (ids from the city down) and,
 * for station staff, at `stationId`. A handler's scope covers no place.
 */
export function scopeCovers(scope: StaffScope, place: { areaPath: readonly string[]; stationId?: string }): boolean {
  if (scope.role === 'handler') return false;
  if (scope.role === 'station') return scope.stationId !== undefined && scope.stationId === place.stationId;
  return place.areaPath.includes(scope.areaId);
}

/**
 * The caller as congress work (suggestions, 票决) sees them: a deputy, congress staff with a place
 * (area staff and administrators, not station staff), or a unit's handler; any of these may be null.
 */
export interface CongressCaller {
  openid: string;
  deputy: { deputyId: string; name: string } | null;
  /** Congress staff with a place: area staff and administrators. */
  staff: StaffScope | null;
  /** A unit's handler. */
  handler: (StaffScope & { departmentId: string }) | null;
  /** The staff account's own name, for the record. */
  staffName: string | null;
}

export function congressCaller(caller: Caller): CongressCaller {
  const account = caller.account;
  const roles = account?.roles ?? [];
  const deputy = roles.includes('deputy') && account?.deputy ? account.deputy : null;
  const scope = roles.includes('staff') ? (account?.staff ?? null) : null;
  const staff = scope && (scope.role === 'area' || scope.role === 'admin') ? scope : null;
  const handler = scope && scope.role === 'handler' && scope.departmentId ? { ...scope, departmentId: scope.departmentId } : null;
  return { openid: caller.openid, deputy, staff, handler, staffName: account?.staffName ?? null };
}
