import { COLLECTIONS } from '../../../infra/database';
import type { Role } from '../../../miniprogram/shared/domain/account';
import { findAccount, profileOf, type AccountDocument } from '../../core/accounts';
import { requireOpenid } from '../../core/caller';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import type { StaffCodeDocument } from '../../core/staffCodes';
import { consumedBy, racingCopyUsed, saveBoundAccount } from '../codeUse';

function sameScope(a: AccountDocument['staff'], b: StaffCodeDocument['scope']): boolean {
  return !!a && a.role === b.role && a.areaId === b.areaId && a.stationId === b.stationId && a.departmentId === b.departmentId;
}

/**
 * A staff member or a department's handler enters the one-time code an administrator gave them;
 * this WeChat account takes that role and scope (replacing any staff scope it had). The code is
 * consumed by a conditional update (unused, not revoked, not expired), so it works exactly once;
 * a retried bind by the account that used it answers its profile again, also when the copies are
 * sent at once (the losing copy writes the same binding and answers the same profile). Four
 * database requests (five for such a losing copy).
 */
export const bindStaff: Handler<'account.bindStaff'> = async ({ code }, ctx) => {
  const openid = requireOpenid(ctx);
  const { db, now } = ctx;
  const _ = db.command;
  const codes = db.collection(COLLECTIONS.staffCodes);

  const [codeRows, account] = await Promise.all([codes.where({ _id: code }).limit(1).get(), findAccount(db, openid)]);
  const found = (codeRows.data as StaffCodeDocument[])[0];
  if (!found) fail('BINDING.INVALID');
  if (found.usedBy === openid && sameScope(account?.staff, found.scope)) return profileOf(account);
  // A copy of this request sent at the same time consumed the code; its account write is in flight.
  const finishing = found.usedAt !== null && racingCopyUsed(found, openid, account, now);
  if (found.usedAt && !finishing) fail('BINDING.USED');
  if (found.revokedAt) fail('BINDING.REVOKED');
  if (!finishing && new Date(found.expiresAt).getTime() <= now.getTime()) fail('BINDING.EXPIRED');

  if (!finishing) {
    const { updated } = await codes.where({ _id: code, usedAt: null, revokedAt: null, expiresAt: _.gt(now) }).update({ usedAt: now, usedBy: openid });
    // Lost the race: to another account (refused), or to a copy of this request (bind the same).
    if (updated !== 1 && !(await consumedBy(db, COLLECTIONS.staffCodes, code, openid))) fail('BINDING.USED');
  }

  const roles: Role[] = [...new Set<Role>([...(account?.roles?.length ? account.roles : ['resident' as const]), 'staff'])];
  const fields = { roles, staff: found.scope, staffName: found.name, staffBoundAt: now };
  const saved: AccountDocument = account ? { ...account, ...fields, updatedAt: now } : { _id: openid, preferences: {}, ...fields, createdAt: now, updatedAt: now };
  await saveBoundAccount(db, openid, !!account, saved, { roles: _.set(roles), staff: _.set(found.scope), staffName: found.name, staffBoundAt: now, updatedAt: now });
  return profileOf(saved);
};
