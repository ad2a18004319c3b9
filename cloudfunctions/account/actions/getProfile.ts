import { missingYears } from '../../../miniprogram/shared/domain/holidays';
import { shanghaiDate } from '../../../miniprogram/shared/domain/time';
import { requireOpenid } from '../../core/caller';
import type { Handler } from '../../core/handler';
import { findAccount, profileOf } from '../../core/accounts';
import { unreadOf } from './messages';

/**
 * The caller's roles and preferences, and how many of their messages are unread (the badge home
 * shows beside them, so its first screen is one call); a first-time visitor is a resident with the
 * defaults. Congress staff are also told which coming years nobody has recorded the holidays of
 * (one more request). Two database requests, side by side.
 */
export const getProfile: Handler<'account.getProfile'> = async (_payload, ctx) => {
  const openid = requireOpenid(ctx);
  const [account, unread] = await Promise.all([findAccount(ctx.db, openid), unreadOf(ctx.db, openid)]);
  const profile = profileOf(account);
  if (profile.staff && profile.staff.role !== 'handler') profile.holidaysMissingYears = missingYears(await ctx.calendar(), shanghaiDate(ctx.now));
  return { ...profile, unread };
};
