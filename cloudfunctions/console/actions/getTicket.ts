import { loadCaller, requireStaffAccount } from '../../core/caller';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { findTicket, ticketView } from '../tickets';

/** What the mini-program shows after the scan: which browser, from where, until when. Staff only. */
export const getTicket: Handler<'console.getTicket'> = async ({ ticketId }, ctx) => {
  requireStaffAccount(await loadCaller(ctx));
  const ticket = await findTicket(ctx, ticketId);
  if (!ticket) fail('CONSOLE.TICKET_NOT_FOUND');
  return ticketView(ticket, ctx.now);
};
