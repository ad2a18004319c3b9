import { requireOpenid } from '../core/caller';
import type { Handler } from '../core/handler';
import { findAccount, profileOf } from '../core/accounts';

/** The caller's roles and preferences; a first-time visitor is a resident with the defaults. */
export const getProfile: Handler<'account.getProfile'> = async (_payload, ctx) => {
  const openid = requireOpenid(ctx);
  return profileOf(await findAccount(ctx.db, openid));
};
