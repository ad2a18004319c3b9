import { COLLECTIONS } from '../../../infra/database';
import type { Area } from '../../../miniprogram/shared/domain/directory';
import { findAccount } from '../../core/accounts';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { loadAdmin } from '../staffScope';

/**
 * Administrators take the staff role away from an account of their area (someone changed jobs,
 * a lost phone); the account stays a resident. Removing again answers `removed: false`.
 * Four database requests.
 */
export const removeStaff: Handler<'admin.removeStaff'> = async ({ accountId }, ctx) => {
  const { scope } = await loadAdmin(ctx);
  const { db, now } = ctx;
  const account = await findAccount(db, accountId);
  if (!account?.staff) return { accountId, removed: false };
  const { data } = await db.collection(COLLECTIONS.areas).where({ _id: account.staff.areaId }).limit(1).get();
  const area = (data as Area[])[0];
  if (!area?.path.includes(scope.areaId)) fail('ADMIN.OUT_OF_SCOPE');
  const { updated } = await db
    .collection(COLLECTIONS.accounts)
    .where({ _id: accountId, 'staff.areaId': account.staff.areaId })
    .update({ staff: null, staffName: null, roles: db.command.pull('staff'), updatedAt: now });
  return { accountId, removed: updated === 1 };
};
