/**
 * How tests reach a local runtime's token-guarded endpoints (/admin, /outbox): the token each
 * runtime printed at start, kept here by URL for runtimes this process started or was told of.
 * Free of the runtime's own modules, so page tests under jsdom import it too.
 */
import { TOKEN_HEADER, TOKEN_PARAM } from '../../runtime/guard';

/** The tokens of the runtimes this process started, by URL: what helpers need for /admin and /outbox. */
const TOKENS = new Map<string, string>();

export function forgetRuntimeToken(runtimeUrl: string): void {
  TOKENS.delete(runtimeUrl);
}

/** Makes a runtime started in another process (page tests) reachable through these helpers. */
export function registerRuntimeToken(runtimeUrl: string, token: string): void {
  TOKENS.set(runtimeUrl, token);
}

/** The header that lets a test reach a runtime's /admin or /outbox (the token it printed at start). */
export function runtimeTokenHeader(runtimeUrl: string): Record<string, string> {
  const token = TOKENS.get(runtimeUrl);
  if (!token) throw new Error(`no runtime started by this test process at ${runtimeUrl}`);
  return { [TOKEN_HEADER]: token };
}

/** The SDK endpoint of a runtime this process started, with its token (for @cloudbase/node-sdk in a child process). */
export function runtimeAdminUrl(runtimeUrl: string): string {
  return `${runtimeUrl}/admin?${TOKEN_PARAM}=${encodeURIComponent(runtimeTokenHeader(runtimeUrl)[TOKEN_HEADER]!)}&`;
}

/** What the runtime sent on WeChat's behalf (subscribe messages, content checks…), oldest first. */
export async function runtimeOutbox<M = unknown>(runtimeUrl: string): Promise<M[]> {
  const res = await fetch(`${runtimeUrl}/outbox`, { headers: runtimeTokenHeader(runtimeUrl) });
  if (!res.ok) throw new Error(`/outbox answered ${res.status}`);
  return ((await res.json()) as { messages: M[] }).messages;
}
