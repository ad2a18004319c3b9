import { createHash, randomBytes } from 'node:crypto';
import type { ActionName, PayloadOf, ResultOf } from '../../miniprogram/shared/contract';
import { CSRF_HEADER } from '../../miniprogram/shared/domain/consoleSignIn';
import type { ApiResponse } from '../../miniprogram/shared/errors';
import { ok, type TestRuntime } from './runtime';

/**
 * A staff console as a browser is to the runtime: it calls POST /api/<function> (HTTP access),
 * keeps the session cookie the runtime sets and sends the anti-forgery token with each call.
 */
export class ConsoleClient {
  cookie = '';
  csrfToken = '';

  constructor(
    readonly baseUrl: string,
    readonly userAgent = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36',
  ) {}

  async post(fn: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown; setCookie: string | null }> {
    const res = await fetch(`${this.baseUrl}/api/${fn}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': this.userAgent,
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrfToken ? { [CSRF_HEADER]: this.csrfToken } : {}),
        ...headers,
      },
      body: JSON.stringify(body),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]?.endsWith('=') ? '' : (setCookie.split(';')[0] ?? '');
    return { status: res.status, body: await res.json(), setCookie };
  }

  async call<A extends ActionName>(action: A, payload: PayloadOf<A>): Promise<ApiResponse<ResultOf<A>>> {
    const { body } = await this.post(action.slice(0, action.indexOf('.')), { action, payload });
    return body as ApiResponse<ResultOf<A>>;
  }
}

export function browserSecret(): { secret: string; proof: string } {
  const secret = randomBytes(32).toString('hex');
  return { secret, proof: createHash('sha256').update(secret).digest('hex') };
}

/** Signs a console in as `openid` by the scan flow: open, confirm in the mini-program, redeem. */
export async function signInConsole(t: TestRuntime, openid: string): Promise<ConsoleClient> {
  const browser = new ConsoleClient(t.runtime.url);
  const { secret, proof } = browserSecret();
  const ticket = ok(await browser.call('console.openTicket', { proof }));
  ok(await t.call('console.confirmTicket', { ticketId: ticket.ticketId }, { openid }));
  const redeemed = ok(await browser.call('console.redeemTicket', { ticketId: ticket.ticketId, secret }));
  if (redeemed.state !== 'signedIn') throw new Error('ticket was not redeemed');
  browser.csrfToken = redeemed.csrfToken;
  return browser;
}
