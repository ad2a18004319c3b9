import { COLLECTIONS } from '../../../infra/database';
import type { SessionDocument } from '../../../infra/documents/console';
import { SESSION_LIFETIME_MS } from '../../../miniprogram/shared/domain/consoleSignIn';
import { findAccount, profileOf } from '../../core/accounts';
import { randomHex, randomId, sameSecret, sessionCookie, sha256Hex } from '../../core/consoleAccess';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { liveTicket } from '../tickets';

/**
 * The browser that opened a ticket asks whether it was confirmed, proving itself with its secret.
 * Once confirmed it is traded, once, for a session: the session cookie (HttpOnly) and the
 * anti-forgery token the console sends with every request. A wrong secret is answered like an
 * unknown ticket. Only through HTTP access: a session is a browser's.
 */
export const redeemTicket: Handler<'console.redeemTicket'> = async ({ ticketId, secret }, ctx) => {
  const ticket = await liveTicket(ctx, ticketId);
  if (!sameSecret(sha256Hex(secret), ticket.proofHash)) fail('CONSOLE.TICKET_NOT_FOUND');
  if (ticket.state === 'waiting' || !ticket.openid) return { state: 'waiting' as const };
  if (!ctx.http) fail('CONSOLE.TICKET_NOT_FOUND');

  const _ = ctx.db.command;
  const { updated } = await ctx.db
    .collection(COLLECTIONS.consoleTickets)
    .where({ _id: ticketId, state: 'confirmed', expiresAt: _.gt(ctx.now) })
    .update({ state: 'used', usedAt: ctx.now });
  if (updated !== 1) fail('CONSOLE.TICKET_USED');

  const account = await findAccount(ctx.db, ticket.openid);
  if (!account?.staff || !account.roles?.includes('staff')) fail('AUTH.FORBIDDEN');
  const token = randomHex();
  const expiresAt = new Date(ctx.now.getTime() + SESSION_LIFETIME_MS);
  const session: SessionDocument = {
    _id: randomId(),
    openid: ticket.openid,
    tokenHash: sha256Hex(token),
    csrfToken: randomHex(),
    browser: ticket.browser,
    place: ticket.place,
    ticketId,
    createdAt: ctx.now,
    expiresAt,
    endedAt: null,
  };
  await ctx.db.collection(COLLECTIONS.consoleSessions).add(session);
  ctx.http.setCookie = sessionCookie(ctx.http, session._id, token, SESSION_LIFETIME_MS);
  return { state: 'signedIn' as const, csrfToken: session.csrfToken, expiresAt: expiresAt.toISOString(), profile: profileOf(account), staffName: account.staffName ?? null };
};
