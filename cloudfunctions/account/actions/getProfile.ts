import { missingYears } from '../../../miniprogram/shared/domain/holidays';
import { shanghaiDate } from '../../../miniprogram/shared/domain/time';
import { requireOpenid } from '../../core/caller';
import type { Handler } from '../../core/handler';
import { findAccount, profileOf } from '../../core/accounts';

/**
 * The caller's roles and preferences; a first-time visitor is a resident with the defaults. Congress
 * staff are also told which coming years nobody has recorded the holidays of (one more request).
 * One database request.
 */
export const getProfile: Handler<'account.getProfile'> = async (_payload, ctx) => {
  const openid = requireOpenid(ctx);
  const profile = profileOf(await findAccount(ctx.db, openid));
  if (profile.staff && profile.staff.role !== 'handler') profile.holidaysMissingYears = missingYears(await ctx.calendar(), shanghaiDate(ctx.now));
  return profile;
};
