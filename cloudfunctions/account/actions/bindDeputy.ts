import { COLLECTIONS } from '../../../infra/database';
import type { Deputy } from '../../../miniprogram/shared/domain/directory';
import type { Role } from '../../../miniprogram/shared/domain/account';
import { findAccount, profileOf, type AccountDocument } from '../../core/accounts';
import type { BindingCodeDocument } from '../../core/bindingCodes';
import { requireOpenid } from '../../core/caller';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { consumedBy, racingCopyUsed, saveBoundAccount } from '../codeUse';

type CodeWithDeputy = BindingCodeDocument & { deputies: Array<Pick<Deputy, '_id' | 'name' | 'active'>> };

/**
 * A deputy enters the one-time code staff gave them; this WeChat account becomes that deputy.
 * The code is consumed by a conditional update (unused, not revoked, not expired), so it works
 * exactly once. Any other account bound to the same deputy loses the role: a deputy has one
 * WeChat account. A retried bind by the account that used the code answers its profile again —
 * also when the copies are sent at once: the one that loses the consume (or finds the code just
 * consumed by this account, its account write not yet landed) writes the same binding and answers
 * the same profile. Five database requests (six for such a losing copy).
 */
export const bindDeputy: Handler<'account.bindDeputy'> = async ({ code }, ctx) => {
  const openid = requireOpenid(ctx);
  const { db, now } = ctx;
  const _ = db.command;
  const codes = db.collection(COLLECTIONS.bindingCodes);
  const accounts = db.collection(COLLECTIONS.accounts);

  const [codeRows, account] = await Promise.all([
    codes
      .aggregate()
      .match({ _id: code })
      .lookup({ from: COLLECTIONS.deputies, localField: 'deputyId', foreignField: '_id', as: 'deputies' })
      .project({ deputyId: 1, expiresAt: 1, usedAt: 1, usedBy: 1, revokedAt: 1, 'deputies._id': 1, 'deputies.name': 1, 'deputies.active': 1 })
      .end(),
    findAccount(db, openid),
  ]);
  const found = (codeRows.data as CodeWithDeputy[])[0];
  if (!found) fail('BINDING.INVALID');
  if (found.usedBy === openid && account?.deputy?.deputyId === found.deputyId) return profileOf(account);
  // A copy of this request sent at the same time consumed the code; its account write is in flight.
  const finishing = found.usedAt !== null && racingCopyUsed(found, openid, account, now);
  if (found.usedAt && !finishing) fail('BINDING.USED');
  const deputy = found.deputies[0];
  if (found.revokedAt || !deputy?.active) fail('BINDING.REVOKED');
  if (!finishing && new Date(found.expiresAt).getTime() <= now.getTime()) fail('BINDING.EXPIRED');
  if (account?.deputy && account.deputy.deputyId !== deputy._id) fail('BINDING.ALREADY_BOUND');

  if (!finishing) {
    const { updated } = await codes.where({ _id: code, usedAt: null, revokedAt: null, expiresAt: _.gt(now) }).update({ usedAt: now, usedBy: openid });
    // Lost the race: to another account (refused), or to a copy of this request (bind the same).
    if (updated !== 1 && !(await consumedBy(db, COLLECTIONS.bindingCodes, code, openid))) fail('BINDING.USED');
  }

  const bound = { deputyId: deputy._id, name: deputy.name };
  const roles: Role[] = [...new Set<Role>([...(account?.roles?.length ? account.roles : ['resident' as const]), 'deputy'])];
  const saved: AccountDocument = account
    ? { ...account, roles, deputy: bound, updatedAt: now }
    : { _id: openid, roles, preferences: {}, deputy: bound, createdAt: now, updatedAt: now };
  await Promise.all([
    saveBoundAccount(db, openid, !!account, saved, { roles: _.set(roles), deputy: _.set(bound), updatedAt: now }),
    accounts.where({ 'deputy.deputyId': deputy._id, _id: _.neq(openid) }).update({ deputy: null, roles: _.pull('deputy'), updatedAt: now }),
  ]);
  return profileOf(saved);
};
