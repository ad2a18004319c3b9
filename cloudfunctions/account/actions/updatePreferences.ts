import { COLLECTIONS } from '../../../infra/database';
import { requireOpenid } from '../../core/caller';
import type { Handler } from '../../core/handler';
import { findAccount, profileOf, type AccountDocument } from '../../core/accounts';

/**
 * Saves how the caller wants the app to look. Existing accounts are patched in place so that
 * roles granted elsewhere are never overwritten; a first-time caller's account is created.
 */
export const updatePreferences: Handler<'account.updatePreferences'> = async ({ fontScale }, ctx) => {
  const openid = requireOpenid(ctx);
  const accounts = ctx.db.collection(COLLECTIONS.accounts);
  const existing = await findAccount(ctx.db, openid);
  if (existing) {
    await accounts.doc(openid).update({ preferences: { fontScale }, updatedAt: ctx.db.serverDate() });
    return profileOf({ ...existing, preferences: { ...existing.preferences, fontScale } });
  }
  const created: AccountDocument = { _id: openid, roles: ['resident'], preferences: { fontScale }, createdAt: ctx.now, updatedAt: ctx.now };
  await accounts.add(created);
  return profileOf(created);
};
