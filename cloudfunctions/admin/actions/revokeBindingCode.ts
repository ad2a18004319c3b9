import { COLLECTIONS } from '../../../infra/database';
import type { BindingCodeDocument } from '../../core/bindingCodes';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { deputyInScope, loadStaff } from '../staffScope';

/**
 * Staff void a binding code that has not been used (revoking twice answers the first revocation).
 * A used code cannot be revoked: unbind the deputy instead. Four database requests.
 */
export const revokeBindingCode: Handler<'admin.revokeBindingCode'> = async ({ code }, ctx) => {
  const { scope } = await loadStaff(ctx);
  const { db, now } = ctx;
  const codes = db.collection(COLLECTIONS.bindingCodes);
  const { data } = await codes.where({ _id: code }).limit(1).get();
  const found = (data as BindingCodeDocument[])[0];
  if (!found) fail('BINDING.INVALID');
  await deputyInScope(db, scope, found.deputyId);
  if (found.usedAt) fail('BINDING.USED');
  if (found.revokedAt) return { code, deputyId: found.deputyId, revokedAt: new Date(found.revokedAt).toISOString() };
  const { updated } = await codes.where({ _id: code, usedAt: null, revokedAt: null }).update({ revokedAt: now });
  if (updated !== 1) fail('BINDING.USED');
  return { code, deputyId: found.deputyId, revokedAt: now.toISOString() };
};
