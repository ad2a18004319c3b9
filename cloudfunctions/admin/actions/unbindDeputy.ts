import { COLLECTIONS } from '../../../infra/database';
import type { Handler } from '../../core/handler';
import { deputyInScope, loadStaff } from '../staffScope';

/**
 * Staff take the deputy role away from whichever WeChat account holds it (a lost phone, a
 * term that ended). The account stays a resident. Three database requests.
 */
export const unbindDeputy: Handler<'admin.unbindDeputy'> = async ({ deputyId }, ctx) => {
  const { scope } = await loadStaff(ctx);
  const { db, now } = ctx;
  await deputyInScope(db, scope, deputyId);
  const { updated } = await db
    .collection(COLLECTIONS.accounts)
    .where({ 'deputy.deputyId': deputyId })
    .update({ deputy: null, roles: db.command.pull('deputy'), updatedAt: now });
  return { deputyId, unboundAccounts: updated ?? 0 };
};
