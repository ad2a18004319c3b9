import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * What a web page elsewhere must not do with a runtime on someone's machine. The runtime listens
 * on loopback; a page the person opens can still send requests to it (cross-site `text/plain`
 * POSTs need no preflight) or reach it under a name it controls (DNS rebinding). So:
 * - the Host header must name this machine (or a host the operator allowed): a rebinding name is refused;
 * - a request a browser marks as coming from another site (Origin of another host, Sec-Fetch-Site
 *   cross-site) may only read (GET/HEAD), never change anything;
 * - the SDK endpoint (/admin: the database and storage with admin rights) and the outbox (what was
 *   sent to people, OPENIDs included) need the token printed at start.
 */
export const TOKEN_HEADER = 'x-lxq-runtime-token';
export const TOKEN_PARAM = 'token';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]', '::1'];

export interface GuardOptions {
  /** The address the runtime listens on. */
  host: string;
  /** Further host names the operator allows (LXQ_ALLOWED_HOSTS), e.g. a LAN address for a phone. */
  allowedHosts: readonly string[];
  token: string;
}

function hostnameOf(hostHeader: string): string {
  // "[::1]:3900" → "[::1]"; "localhost:3900" → "localhost".
  const bracket = /^(\[[^\]]+\])(?::\d+)?$/.exec(hostHeader);
  if (bracket?.[1]) return bracket[1].toLowerCase();
  return (hostHeader.split(':')[0] ?? '').toLowerCase();
}

export function allowedHostnames(options: Pick<GuardOptions, 'host' | 'allowedHosts'>): Set<string> {
  const names = new Set(LOOPBACK_NAMES);
  if (options.host !== '0.0.0.0' && options.host !== '::') names.add(options.host.includes(':') ? `[${options.host}]` : options.host);
  for (const host of options.allowedHosts) names.add(host.toLowerCase());
  return names;
}

export type Refusal = { status: number; code: string; message: string };

/** The refusal for a request a foreign page or name sent, or null. */
export function refuseForeign(req: IncomingMessage, hosts: ReadonlySet<string>): Refusal | null {
  const host = req.headers.host;
  if (!host || !hosts.has(hostnameOf(host))) return { status: 421, code: 'HOST_NOT_ALLOWED', message: `host ${host ?? '(none)'} is not this runtime's` };
  if (req.method === 'GET' || req.method === 'HEAD') return null;
  const origin = req.headers.origin;
  if (origin !== undefined) {
    let originHost: string | null;
    try {
      originHost = origin === 'null' ? null : hostnameOf(new URL(origin).host);
    } catch {
      originHost = null;
    }
    if (originHost === null || !hosts.has(originHost)) return { status: 403, code: 'CROSS_SITE', message: `requests from ${origin} are refused` };
  }
  if (req.headers['sec-fetch-site'] === 'cross-site') return { status: 403, code: 'CROSS_SITE', message: 'cross-site requests are refused' };
  return null;
}

/** Whether the request carries the runtime's token (header, or query parameter for the SDK's URL). */
export function hasToken(req: IncomingMessage, url: URL, token: string): boolean {
  const header = req.headers[TOKEN_HEADER];
  const given = (typeof header === 'string' ? header : null) ?? url.searchParams.get(TOKEN_PARAM) ?? '';
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
