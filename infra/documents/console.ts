import type { TicketState } from '../../miniprogram/shared/domain/consoleSignIn';

/** `console_tickets`: a browser's request to sign in to the staff console; `_id` is the ticket id. */
export interface TicketDocument {
  _id: string;
  /** SHA-256 (hex) of the secret the browser keeps; the browser proves it by sending the secret. */
  proofHash: string;
  state: Exclude<TicketState, 'expired'>;
  browser: string;
  place: string;
  createdAt: Date;
  expiresAt: Date;
  /** The staff member who confirmed it, from the mini-program's platform identity. */
  openid?: string;
  confirmedAt?: Date;
  usedAt?: Date;
}

/** `console_sessions`: a signed-in console; `_id` is the session id. */
export interface SessionDocument {
  _id: string;
  openid: string;
  /** SHA-256 (hex) of the session secret in the browser's cookie; the secret itself is never stored. */
  tokenHash: string;
  /** The anti-forgery token the console sends in a header with every request. */
  csrfToken: string;
  browser: string;
  place: string;
  ticketId: string;
  createdAt: Date;
  expiresAt: Date;
  endedAt: Date | null;
}
