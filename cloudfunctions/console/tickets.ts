import { COLLECTIONS } from '../../infra/database';
import type { TicketDocument } from '../../infra/documents/console';
import type { TicketView } from '../../miniprogram/shared/contract/console';
import type { CallContext } from '../core/handler';
import { fail } from '../core/errors';

export async function findTicket(ctx: CallContext, ticketId: string): Promise<TicketDocument | undefined> {
  const { data } = await ctx.db.collection(COLLECTIONS.consoleTickets).where({ _id: ticketId }).limit(1).get();
  return (data as TicketDocument[])[0];
}

export function isExpired(ticket: TicketDocument, now: Date): boolean {
  return new Date(ticket.expiresAt).getTime() <= now.getTime();
}

/** The ticket a staff member may act on: known, not expired, not used; refusals say which. */
export async function liveTicket(ctx: CallContext, ticketId: string): Promise<TicketDocument> {
  const ticket = await findTicket(ctx, ticketId);
  if (!ticket) fail('CONSOLE.TICKET_NOT_FOUND');
  if (ticket.state === 'used') fail('CONSOLE.TICKET_USED');
  if (isExpired(ticket, ctx.now)) fail('CONSOLE.TICKET_EXPIRED');
  return ticket;
}

export function ticketView(ticket: TicketDocument, now: Date): TicketView {
  return {
    ticketId: ticket._id,
    state: ticket.state !== 'used' && isExpired(ticket, now) ? 'expired' : ticket.state,
    browser: ticket.browser,
    place: ticket.place,
    createdAt: new Date(ticket.createdAt).toISOString(),
    expiresAt: new Date(ticket.expiresAt).toISOString(),
  };
}
