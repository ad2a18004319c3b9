import { COLLECTIONS } from '../../../infra/database';
import { requireOpenid } from '../../core/caller';
import { isDuplicateWrite } from '../../core/databaseErrors';
import type { Handler } from '../../core/handler';
import { findAccount, profileOf, type AccountDocument } from '../../core/accounts';

/**
 * Saves how the caller wants the app to look. Existing accounts are patched in place so that
 * roles granted elsewhere are never overwritten; a first-time caller's account is created.
 */
export const updatePreferences: Handler<'account.updatePreferences'> = async ({ fontScale }, ctx) => {
  const openid = requireOpenid(ctx);
  const accounts = ctx.db.collection(COLLECTIONS.accounts);
  const patch = async (existing: AccountDocument) => {
    await accounts.doc(openid).update({ preferences: { fontScale }, updatedAt: ctx.db.serverDate() });
    return profileOf({ ...existing, preferences: { ...existing.preferences, fontScale } });
  };
  const existing = await findAccount(ctx.db, openid);
  if (existing) return patch(existing);
  const created: AccountDocument = { _id: openid, roles: ['resident'], preferences: { fontScale }, createdAt: ctx.now, updatedAt: ctx.now };
  try {
    await accounts.add(created);
    return profileOf(created);
  } catch (error) {
    // The same caller's concurrent first call created the account a moment ago: patch that one.
    const raced = isDuplicateWrite(error) ? await findAccount(ctx.db, openid) : undefined;
    if (!raced) throw error;
    return patch(raced);
  }
};
