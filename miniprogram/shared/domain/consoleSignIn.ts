/**
 * Signing in to the staff console by scanning (issue 16). The console opens a ticket bound to a
 * secret only that browser holds (it sends the secret's SHA-256, later the secret itself); the
 * mini-program code's scene `l=<ticket id>` names the ticket; a staff member confirms it in the
 * mini-program; the browser then redeems it, once, within the ticket's life, for a session.
 */

import { tokenScene } from './scene';

/** How long a ticket waits for its confirmation and redemption. */
export const TICKET_LIFETIME_MS = 150_000;
/** How long a console session lasts from sign-in. */
export const SESSION_LIFETIME_MS = 8 * 60 * 60_000;

export const TICKET_ID_PATTERN = /^[A-Za-z0-9]{24}$/;
export const SESSION_ID_PATTERN = /^[A-Za-z0-9]{24}$/;
/** The browser's secret and its SHA-256, both as lowercase hex. */
export const SECRET_PATTERN = /^[0-9a-f]{64}$/;

/** The header that carries the session's anti-forgery token on every console request. */
export const CSRF_HEADER = 'x-lxq-csrf';
/** The cookie that carries the console session (HttpOnly, SameSite=Strict). */
export const SESSION_COOKIE = 'lxq_console';

export const TICKET_STATES = ['waiting', 'confirmed', 'used', 'expired'] as const;
export type TicketState = (typeof TICKET_STATES)[number];

/** `decodeSignInScene`: the ticket a scene names, or null. */
export const { encode: encodeSignInScene, decode: decodeSignInScene } = tokenScene('l', TICKET_ID_PATTERN, 'sign-in ticket id');

/** A short Chinese description of a browser from its User-Agent, for the confirmation screen. */
export function describeBrowser(userAgent: string | null | undefined): string {
  const ua = userAgent ?? '';
  const browser = /Edg\//.test(ua) ? 'Edge' : /Firefox\//.test(ua) ? 'Firefox' : /(Chrome|Chromium)\//.test(ua) ? 'Chrome' : /Safari\//.test(ua) ? 'Safari' : '';
  const system = /Windows/.test(ua) ? 'Windows' : /Mac OS X/.test(ua) ? 'macOS' : /Android/.test(ua) ? 'Android' : /Linux/.test(ua) ? 'Linux' : /iPhone|iPad/.test(ua) ? 'iOS' : '';
  if (!browser && !system) return '未知浏览器';
  return [browser || '浏览器', system ? `（${system}）` : ''].join('');
}
