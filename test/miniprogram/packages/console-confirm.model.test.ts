/**
 * 电脑端登录确认 (packages/staff/console-confirm): the model behind the page a console's sign-in code
 * opens, driven as the page drives it, against the real local runtime: a browser opens a ticket the
 * way the console does, the staff member's phone loads the scanned scene, confirms, lists the open
 * console sessions and ends one. Wednesday 2026-11-18, 10:00 in Shanghai, the clock held still.
 */
import type * as ConsoleConfirm from '../../../miniprogram/packages/staff/console-confirm/model';
import type { ConsoleConfirmState } from '../../../miniprogram/packages/staff/console-confirm/model';
import { encodeSignInScene, TICKET_LIFETIME_MS } from '../../../miniprogram/shared/domain/consoleSignIn';
import { messageFor } from '../../../miniprogram/shared/errors';
import { browserSecret, ConsoleClient } from '../../support/consoleClient';
import { ORDINARY_MORNING } from '../../support/instants';
import { ok, startTestRuntime, type TestRuntime } from '../../support/runtime';
import { freshApp } from '../support/fresh-app';
import { DEMO_RESIDENT } from '../support/runtime-calls';
import { installWx, localRuntimeFunctions } from '../support/wx-double';
import { JIANGNAN_STAFF } from '../../support/people';

let t: TestRuntime;
beforeAll(async () => {
  t = await startTestRuntime({ at: ORDINARY_MORNING, frozen: true });
}, 60_000);
afterAll(async () => t?.stop());

/** The page's model on `openid`'s phone, with the state the page would render. */
function confirmPage(openid: string) {
  installWx({ functions: localRuntimeFunctions(t.runtime.url, openid) });
  const { createConsoleConfirm, initialConsoleConfirmState } = freshApp<typeof ConsoleConfirm>('packages/staff/console-confirm/model');
  const page = { state: initialConsoleConfirmState() };
  const model = createConsoleConfirm((change: Partial<ConsoleConfirmState>) => {
    page.state = { ...page.state, ...change };
  });
  return { page, model };
}

/** A console in Chrome on Windows asks to sign in: its ticket and the secret only it holds. */
async function browserAsks(): Promise<{ browser: ConsoleClient; ticketId: string; scene: string; secret: string }> {
  const browser = new ConsoleClient(t.runtime.url, 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36');
  const { secret, proof } = browserSecret();
  const ticket = ok(await browser.call('console.openTicket', { proof }));
  return { browser, ticketId: ticket.ticketId, scene: ticket.scene, secret };
}

describe('电脑端登录确认', () => {
  it('shows which browser asks and until when; signs that browser in on the tap; lists the session and ends it from the phone', async () => {
    const { browser, ticketId, scene, secret } = await browserAsks();
    expect(scene).toBe(encodeSignInScene(ticketId));
    const { page, model } = confirmPage(JIANGNAN_STAFF);

    await model.load(scene);
    expect(page.state).toMatchObject({ status: 'ready', step: 'ask', ticketId, browser: 'Chrome（Windows）', errorMessage: '', confirming: false });
    expect(page.state.place).not.toBe('');
    expect(page.state.expiresLine).toBe('请在 2026年11月18日 10:02 前确认');
    // Nothing happens before the tap: the browser is still waiting.
    expect(ok(await browser.call('console.redeemTicket', { ticketId, secret }))).toEqual({ state: 'waiting' });

    await model.confirm();
    expect(page.state).toMatchObject({ step: 'done', confirming: false, errorMessage: '' });
    const redeemed = ok(await browser.call('console.redeemTicket', { ticketId, secret }));
    expect(redeemed).toMatchObject({ state: 'signedIn' });
    if (redeemed.state === 'signedIn') browser.csrfToken = redeemed.csrfToken;
    expect(ok(await browser.call('console.listSessions', {})).sessions).toHaveLength(1);

    // The sessions below are loaded again after the confirmation; the page shows the new one.
    await model.load(scene);
    expect(page.state.step).toBe('closed');
    expect(page.state.errorMessage).toBe(messageFor('CONSOLE.TICKET_USED'));
    const [session] = page.state.sessions;
    expect(page.state.sessions).toHaveLength(1);
    expect(session?.line).toBe(`Chrome（Windows） · ${page.state.place} · 2026年11月18日 10:00 登录`);

    await model.endSession(session?.sessionId ?? '');
    expect(page.state.sessions).toEqual([]);
    const after = await browser.call('console.listSessions', {});
    expect(after).toMatchObject({ ok: false, code: 'AUTH.REQUIRED' });
  });

  it('says so when the code is not a sign-in code, has expired, or is confirmed twice', async () => {
    const { page, model } = confirmPage(JIANGNAN_STAFF);
    await model.load('c=notASignInCode');
    expect(page.state).toMatchObject({ status: 'error', errorMessage: messageFor('CONSOLE.TICKET_NOT_FOUND') });

    const late = await browserAsks();
    const first = confirmPage(JIANGNAN_STAFF);
    await first.model.load(late.scene);
    const second = confirmPage(JIANGNAN_STAFF);
    await second.model.load(late.scene);
    await first.model.confirm();
    expect(first.page.state.step).toBe('done');
    await second.model.confirm();
    expect(second.page.state).toMatchObject({ step: 'closed', confirming: false, errorMessage: messageFor('CONSOLE.TICKET_USED') });

    const stale = await browserAsks();
    const slow = confirmPage(JIANGNAN_STAFF);
    await slow.model.load(stale.scene);
    expect(slow.page.state.step).toBe('ask');
    t.clock.advance(TICKET_LIFETIME_MS + 1000);
    await slow.model.load(stale.scene);
    expect(slow.page.state).toMatchObject({ status: 'ready', step: 'closed', errorMessage: messageFor('CONSOLE.TICKET_EXPIRED') });
    await slow.model.confirm();
    expect(slow.page.state).toMatchObject({ step: 'closed', errorMessage: messageFor('CONSOLE.TICKET_EXPIRED') });
    expect(await stale.browser.call('console.redeemTicket', { ticketId: stale.ticketId, secret: stale.secret })).toMatchObject({ ok: false, code: 'CONSOLE.TICKET_EXPIRED' });
  });

  it('refuses anyone but staff: a resident who scans the code learns nothing of the browser', async () => {
    const { scene } = await browserAsks();
    const { page, model } = confirmPage(DEMO_RESIDENT);
    await model.load(scene);
    expect(page.state).toMatchObject({ status: 'error', browser: '', place: '', errorMessage: messageFor('AUTH.FORBIDDEN') });
  });
});
