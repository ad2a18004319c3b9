import { randomBytes } from 'node:crypto';
import { COLLECTIONS } from '../../../infra/database';
import type { IssuedStaffCode } from '../../../miniprogram/shared/contract/admin';
import { STAFF_ROLE_LABELS, type StaffScope } from '../../../miniprogram/shared/domain/account';
import { BINDING_CODE_LENGTH, BINDING_CODE_VALID_DAYS, bindingCodeFrom } from '../../../miniprogram/shared/domain/bindingCode';
import type { Area } from '../../../miniprogram/shared/domain/directory';
import { scopeCovers } from '../../core/caller';
import type { Database } from '../../core/cloud';
import { isDuplicateWrite } from '../../core/databaseErrors';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import type { StaffCodeDocument } from '../../core/staffCodes';
import type { DepartmentDocument } from '../departments';
import { coversStation, loadAdmin, type StationDocument } from '../staffScope';

type Payload = Parameters<Handler<'admin.issueStaffCode'>>[0];

const DAY_MS = 86_400_000;
const MAX_ATTEMPTS = 5;

async function findOne<T>(db: Database, collection: string, id: string): Promise<T | undefined> {
  const { data } = await db.collection(collection).where({ _id: id }).limit(1).get();
  return (data as T[])[0];
}

/** The scope the code grants and the place's name; the place must exist, be active and be in the administrator's scope. */
async function grantedScope(db: Database, admin: StaffScope, payload: Payload): Promise<{ scope: StaffScope; placeName: string }> {
  switch (payload.role) {
    case 'station': {
      const station = await findOne<StationDocument>(db, COLLECTIONS.stations, payload.stationId);
      if (!station?.active) fail('STAFF.CODE_TARGET_UNAVAILABLE');
      if (!coversStation(admin, station)) fail('ADMIN.OUT_OF_SCOPE');
      return { scope: { role: 'station', areaId: station.areaId, stationId: station._id }, placeName: station.name };
    }
    case 'handler': {
      const department = await findOne<DepartmentDocument>(db, COLLECTIONS.departments, payload.departmentId);
      if (!department?.active) fail('STAFF.CODE_TARGET_UNAVAILABLE');
      if (!scopeCovers(admin, { areaPath: department.areaPath })) fail('ADMIN.OUT_OF_SCOPE');
      const scope: StaffScope = { role: 'handler', areaId: department.areaId, departmentId: department._id, departmentName: department.name };
      return { scope, placeName: department.name };
    }
    default: {
      const area = await findOne<Area>(db, COLLECTIONS.areas, payload.areaId);
      if (!area) fail('STAFF.CODE_TARGET_UNAVAILABLE');
      if (!scopeCovers(admin, { areaPath: area.path })) fail('ADMIN.OUT_OF_SCOPE');
      return { scope: { role: payload.role, areaId: area._id }, placeName: area.name };
    }
  }
}

/**
 * The unused, unrevoked codes of the same target: the same person (by name) for the same role and
 * place. Other people's codes for the same place stay live (a station has several staff).
 */
function sameTarget(scope: StaffScope, name: string): Record<string, unknown> {
  const where: Record<string, unknown> = { name, 'scope.role': scope.role, 'scope.areaId': scope.areaId, usedAt: null, revokedAt: null };
  if (scope.stationId !== undefined) where['scope.stationId'] = scope.stationId;
  if (scope.departmentId !== undefined) where['scope.departmentId'] = scope.departmentId;
  return where;
}

/**
 * An administrator issues a one-time code that makes its user staff of a station or an area, an
 * administrator below them, or the handler of a department — always within the administrator's
 * own area. Valid seven days, used once (account.bindStaff). Codes issued earlier for the same
 * person, role and place and not yet used are revoked (like admin.issueBindingCode): a retried or
 * repeated issue leaves one live code, the last. Four database requests.
 */
export const issueStaffCode: Handler<'admin.issueStaffCode'> = async (payload, ctx) => {
  const { openid, scope: admin } = await loadAdmin(ctx);
  const { db, now } = ctx;
  const { scope, placeName } = await grantedScope(db, admin, payload);
  await db.collection(COLLECTIONS.staffCodes).where(sameTarget(scope, payload.name)).update({ revokedAt: now });
  const expiresAt = new Date(now.getTime() + BINDING_CODE_VALID_DAYS * DAY_MS);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const code = bindingCodeFrom(randomBytes(BINDING_CODE_LENGTH));
    const issued: StaffCodeDocument = { _id: code, code, scope, name: payload.name, issuedBy: openid, createdAt: now, expiresAt, usedAt: null, usedBy: null, revokedAt: null };
    try {
      await db.collection(COLLECTIONS.staffCodes).add(issued);
      const answer: IssuedStaffCode = { code, role: scope.role, roleLabel: STAFF_ROLE_LABELS[scope.role], placeName, name: payload.name, expiresAt: expiresAt.toISOString() };
      return answer;
    } catch (error) {
      if (!isDuplicateWrite(error)) throw error;
    }
  }
  throw new Error(`no free staff code after ${MAX_ATTEMPTS} attempts`);
};
