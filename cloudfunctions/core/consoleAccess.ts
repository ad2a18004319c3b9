import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { COLLECTIONS } from '../../infra/database';
import type { SessionDocument } from '../../infra/documents/console';
import { CSRF_HEADER, SESSION_COOKIE, SESSION_ID_PATTERN } from '../../miniprogram/shared/domain/consoleSignIn';
import type { Database } from './cloud';

/**
 * The staff console reaches the same functions through CloudBase's HTTP access (HTTP 访问服务),
 * which invokes a function with the HTTP request as its event and no WeChat identity. Here the
 * request is unwrapped, its console session (cookie) becomes the caller's identity, and forged
 * cross-site requests are refused: the session's anti-forgery token must come in a header
 * (which another site cannot set), the body must be JSON, and a browser's Origin must be the host
 * the request was sent to (the console and the API share one domain: docs/DEPLOY.md).
 */
export interface HttpAccessEvent {
  path: string;
  httpMethod: string;
  headers: Record<string, string | undefined>;
  body?: string | null;
  isBase64Encoded?: boolean;
  requestContext?: { sourceIp?: string };
}

/** What an action run through HTTP access knows of the request, and may answer with. */
export interface HttpExchange {
  userAgent: string;
  sourceIp: string;
  /** The session this request came with, if valid. */
  session: SessionDocument | null;
  /** Whether cookies get the Secure flag: always, except on the local runtime's loopback address. */
  secure: boolean;
  /** The cookie to set on the answer, if any. */
  setCookie: string | null;
}

export function isHttpAccessEvent(event: unknown): event is HttpAccessEvent {
  if (typeof event !== 'object' || event === null) return false;
  const e = event as Record<string, unknown>;
  return typeof e.httpMethod === 'string' && typeof e.path === 'string' && typeof e.headers === 'object' && e.headers !== null;
}

export function randomId(length = 24): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
}

export function randomHex(bytes = 32): string {
  return randomBytes(bytes).toString('hex');
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

function header(event: HttpAccessEvent, name: string): string {
  for (const [key, value] of Object.entries(event.headers)) if (key.toLowerCase() === name && typeof value === 'string') return value;
  return '';
}

function cookie(event: HttpAccessEvent, name: string): string | null {
  for (const part of header(event, 'cookie').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}

/**
 * The session cookie: `<session id>.<secret>`, HttpOnly, SameSite=Strict. Its life is given as
 * Max-Age (relative to the browser's clock, which may differ from the function's instant); the
 * session's own expiry is what the back end enforces.
 */
export function sessionCookie(exchange: HttpExchange, sessionId: string, secret: string, lifetimeMs: number): string {
  return `${SESSION_COOKIE}=${sessionId}.${secret}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${Math.floor(lifetimeMs / 1000)}${exchange.secure ? '; Secure' : ''}`;
}

export function clearedSessionCookie(exchange: HttpExchange): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${exchange.secure ? '; Secure' : ''}`;
}

/** Production serves the console over HTTPS; the local runtime serves it over plain HTTP on 127.0.0.1. */
function isLoopbackHost(host: string): boolean {
  return /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(host);
}

export type HttpRefusal = { status: number; code: 'CONSOLE.FORGED_REQUEST' | 'COMMON.INVALID_INPUT' };

export interface UnwrappedRequest {
  event: unknown;
  exchange: HttpExchange;
}

/** Checks and unwraps an HTTP-access request; a refusal says the HTTP status and the code. */
export async function unwrapHttpRequest(event: HttpAccessEvent, db: Database, now: Date): Promise<UnwrappedRequest | HttpRefusal> {
  if (event.httpMethod.toUpperCase() !== 'POST') return { status: 405, code: 'COMMON.INVALID_INPUT' };
  if (!header(event, 'content-type').toLowerCase().startsWith('application/json')) return { status: 415, code: 'CONSOLE.FORGED_REQUEST' };
  const host = header(event, 'host');
  const origin = header(event, 'origin');
  if (origin && !sameHost(origin, host)) return { status: 403, code: 'CONSOLE.FORGED_REQUEST' };

  let inner: unknown;
  try {
    const text = event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : (event.body ?? '');
    inner = JSON.parse(text || '{}');
  } catch {
    return { status: 400, code: 'COMMON.INVALID_INPUT' };
  }

  const exchange: HttpExchange = {
    userAgent: header(event, 'user-agent').slice(0, 300),
    sourceIp: event.requestContext?.sourceIp ?? (header(event, 'x-forwarded-for').split(',')[0] ?? '').trim(),
    session: null,
    secure: !isLoopbackHost(host),
    setCookie: null,
  };
  const presented = cookie(event, SESSION_COOKIE);
  if (presented) {
    const session = await findSession(db, presented, now);
    if (session) {
      // A session cookie rides along on any request to our host; only our page can add this header.
      if (!sameSecret(header(event, CSRF_HEADER), session.csrfToken)) return { status: 403, code: 'CONSOLE.FORGED_REQUEST' };
      exchange.session = session;
    } else {
      exchange.setCookie = clearedSessionCookie(exchange);
    }
  }
  return { event: inner, exchange };
}

function sameHost(origin: string, host: string): boolean {
  try {
    return host.length > 0 && new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** The live session a cookie value names: known, its secret right, not ended, not expired. */
async function findSession(db: Database, value: string, now: Date): Promise<SessionDocument | null> {
  const [sessionId, secret] = value.split('.');
  if (!sessionId || !secret || !SESSION_ID_PATTERN.test(sessionId)) return null;
  const { data } = await db.collection(COLLECTIONS.consoleSessions).where({ _id: sessionId }).limit(1).get();
  const session = (data as SessionDocument[])[0];
  if (!session || !sameSecret(sha256Hex(secret), session.tokenHash)) return null;
  if (session.endedAt || new Date(session.expiresAt).getTime() <= now.getTime()) return null;
  return session;
}

/** The HTTP answer CloudBase's HTTP access sends for a function's integration response. */
export interface HttpAnswer {
  statusCode: number;
  isBase64Encoded: false;
  headers: Record<string, string>;
  body: string;
}

export function httpAnswer(status: number, body: unknown, setCookie: string | null = null): HttpAnswer {
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
  if (setCookie) headers['set-cookie'] = setCookie;
  return { statusCode: status, isBase64Encoded: false, headers, body: JSON.stringify(body) };
}
