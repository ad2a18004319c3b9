import { COLLECTIONS } from '../../../infra/database';
import { loadCaller, requireStaffAccount } from '../../core/caller';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { liveTicket, ticketView } from '../tickets';

/**
 * A staff member confirms, in the mini-program, the sign-in they scanned: the ticket takes their
 * WeChat identity. Only from the mini-program (a signed-in console cannot vouch for another
 * browser), only while the ticket waits; a second confirmation of the same ticket is refused.
 */
export const confirmTicket: Handler<'console.confirmTicket'> = async ({ ticketId }, ctx) => {
  if (ctx.channel !== 'wechat') fail('CONSOLE.WECHAT_ONLY');
  const caller = await loadCaller(ctx);
  requireStaffAccount(caller);
  const ticket = await liveTicket(ctx, ticketId);
  if (ticket.state !== 'waiting') fail('CONSOLE.TICKET_USED');
  const _ = ctx.db.command;
  const { updated } = await ctx.db
    .collection(COLLECTIONS.consoleTickets)
    .where({ _id: ticketId, state: 'waiting', expiresAt: _.gt(ctx.now) })
    .update({ state: 'confirmed', openid: caller.openid, confirmedAt: ctx.now });
  if (updated !== 1) fail('CONSOLE.TICKET_USED');
  return ticketView({ ...ticket, state: 'confirmed' }, ctx.now);
};
