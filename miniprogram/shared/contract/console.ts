import * as z from 'zod';
import type { Profile } from '../domain/account';
import { SECRET_PATTERN, SESSION_ID_PATTERN, TICKET_ID_PATTERN, type TicketState } from '../domain/consoleSignIn';
import { action, namespaced } from './define';

const ticketId = z.string().regex(TICKET_ID_PATTERN);
const sessionId = z.string().regex(SESSION_ID_PATTERN);
const hex64 = z.string().regex(SECRET_PATTERN);

export interface SignInTicket {
  ticketId: string;
  /** The mini-program code's scene: `l=<ticketId>`, at most 32 characters. */
  scene: string;
  /** The mini-program code, as a data: URL (PNG or JPEG, as WeChat made it). */
  qrImage: string;
  expiresAt: string;
}

/** What the mini-program shows before the staff member confirms. */
export interface TicketView {
  ticketId: string;
  state: TicketState;
  browser: string;
  /** Where the request came from: its network address as the platform saw it. */
  place: string;
  createdAt: string;
  expiresAt: string;
}

export type RedeemResult = { state: 'waiting' } | { state: 'signedIn'; csrfToken: string; expiresAt: string; profile: Profile; staffName: string | null };

export interface ConsoleSessionView {
  sessionId: string;
  browser: string;
  place: string;
  createdAt: string;
  expiresAt: string;
  /** Whether it is the session this call came through. */
  current: boolean;
}

export const consoleActions = namespaced('console', {
  /** A browser asks to sign in: it sends the SHA-256 of a secret it keeps (hex). */
  openTicket: action<SignInTicket>()(z.strictObject({ proof: hex64 })),
  /** The mini-program reads who asks, from the scanned ticket. */
  getTicket: action<TicketView>()(z.strictObject({ ticketId })),
  /** The staff member confirms in the mini-program: the ticket takes their identity. */
  confirmTicket: action<TicketView>()(z.strictObject({ ticketId })),
  /** The browser that opened the ticket trades it, with its secret, for a session (once). */
  redeemTicket: action<RedeemResult>()(z.strictObject({ ticketId, secret: hex64 })),
  /** The caller's open console sessions. */
  listSessions: action<{ sessions: ConsoleSessionView[] }>()(z.strictObject({})),
  /** Ends one of the caller's sessions (from the mini-program), or the current one (sign out in the console). */
  endSession: action<{ ended: boolean }>()(z.strictObject({ sessionId: sessionId.optional() })),
});
