import { requireOpenid } from '../../core/caller';
import type { Handler } from '../../core/handler';
import { grantSubscriptions as grant } from '../../core/residentNotice';

/**
 * The caller tapped 允许 on WeChat's subscribe question: each template allowed is one more
 * message. Two database requests per template.
 */
export const grantSubscriptions: Handler<'account.grantSubscriptions'> = async ({ templateIds }, ctx) => {
  const openid = requireOpenid(ctx);
  return { remaining: await grant(ctx.db, openid, [...new Set(templateIds)], ctx.now) };
};
