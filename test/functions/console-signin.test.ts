import { decodeSignInScene, TICKET_LIFETIME_MS, SESSION_LIFETIME_MS } from '../../miniprogram/shared/domain/consoleSignIn';
import { browserSecret, ConsoleClient, signInConsole } from '../support/consoleClient';
import { ok, useTestRuntime } from '../support/runtime';
import { JIANGNAN_STAFF } from '../support/people';

const t = useTestRuntime({ frozen: true });

describe('signing in to the staff console by scanning', () => {
  test('the browser that opened the ticket, and only it, gets the confirming staff member’s session', async () => {
    const browser = new ConsoleClient(t.runtime.url);
    const { secret, proof } = browserSecret();
    const ticket = ok(await browser.call('console.openTicket', { proof }));
    expect(ticket.scene.length).toBeLessThanOrEqual(32);
    expect(decodeSignInScene(encodeURIComponent(ticket.scene))).toBe(ticket.ticketId);
    expect(ticket.qrImage).toMatch(/^data:image\/png;base64,/);

    // Before confirmation the browser waits and has no identity.
    expect(ok(await browser.call('console.redeemTicket', { ticketId: ticket.ticketId, secret }))).toEqual({ state: 'waiting' });
    expect(await browser.call('casework.list', { view: 'all', pageSize: 5 })).toMatchObject({ ok: false, code: 'AUTH.REQUIRED' });

    // The mini-program shows which browser asks, then confirms.
    const view = ok(await t.call('console.getTicket', { ticketId: ticket.ticketId }, { openid: JIANGNAN_STAFF }));
    expect(view).toMatchObject({ state: 'waiting', browser: 'Chrome（Linux）', place: expect.stringMatching(/127\.0\.0\.1/) });
    expect(ok(await t.call('console.confirmTicket', { ticketId: ticket.ticketId }, { openid: JIANGNAN_STAFF })).state).toBe('confirmed');

    // Another browser that knows the scene (the ticket id) but not the secret gets nothing.
    const eavesdropper = new ConsoleClient(t.runtime.url);
    expect(await eavesdropper.call('console.redeemTicket', { ticketId: ticket.ticketId, secret: browserSecret().secret })).toMatchObject({
      ok: false,
      code: 'CONSOLE.TICKET_NOT_FOUND',
    });

    const redeemed = ok(await browser.call('console.redeemTicket', { ticketId: ticket.ticketId, secret }));
    if (redeemed.state !== 'signedIn') throw new Error('not signed in');
    expect(redeemed.profile.staff).toMatchObject({ role: 'area', areaId: 'area-jiangnan' });
    expect(browser.cookie).toMatch(/^lxq_console=/);
    browser.csrfToken = redeemed.csrfToken;

    // The session acts as the staff member, through the very same actions.
    expect(ok(await browser.call('account.getProfile', {})).staff).toMatchObject({ role: 'area' });
    expect((await browser.call('casework.list', { view: 'all', pageSize: 5 })).ok).toBe(true);

    // Used once: the same ticket and secret cannot make a second session.
    expect(await new ConsoleClient(t.runtime.url).call('console.redeemTicket', { ticketId: ticket.ticketId, secret })).toMatchObject({
      ok: false,
      code: 'CONSOLE.TICKET_USED',
    });
  });

  test('a ticket expires within its lifetime of two and a half minutes', async () => {
    const browser = new ConsoleClient(t.runtime.url);
    const { secret, proof } = browserSecret();
    const ticket = ok(await browser.call('console.openTicket', { proof }));
    const opened = Date.parse(ticket.expiresAt) - TICKET_LIFETIME_MS;
    expect(TICKET_LIFETIME_MS).toBeGreaterThanOrEqual(120_000);
    expect(TICKET_LIFETIME_MS).toBeLessThanOrEqual(180_000);
    t.clock.set(new Date(opened + TICKET_LIFETIME_MS + 1000));
    expect(await t.call('console.confirmTicket', { ticketId: ticket.ticketId }, { openid: JIANGNAN_STAFF })).toMatchObject({ ok: false, code: 'CONSOLE.TICKET_EXPIRED' });
    expect(await browser.call('console.redeemTicket', { ticketId: ticket.ticketId, secret })).toMatchObject({ ok: false, code: 'CONSOLE.TICKET_EXPIRED' });
  });

  test('only staff confirm, only from the mini-program', async () => {
    const browser = new ConsoleClient(t.runtime.url);
    const ticket = ok(await browser.call('console.openTicket', { proof: browserSecret().proof }));
    expect(await t.call('console.confirmTicket', { ticketId: ticket.ticketId }, { openid: 'demo-resident-001' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    const signedIn = await signInConsole(t, JIANGNAN_STAFF);
    expect(await signedIn.call('console.confirmTicket', { ticketId: ticket.ticketId })).toMatchObject({ ok: false, code: 'CONSOLE.WECHAT_ONLY' });
  });

  test('a session expires, and can be ended from the mini-program', async () => {
    const browser = await signInConsole(t, JIANGNAN_STAFF);
    const { sessions } = ok(await t.call('console.listSessions', {}, { openid: JIANGNAN_STAFF }));
    const mine = sessions.find((s) => !s.current);
    expect(mine).toBeDefined();
    expect(ok(await browser.call('console.listSessions', {})).sessions.filter((s) => s.current)).toHaveLength(1);

    const current = ok(await browser.call('console.listSessions', {})).sessions.find((s) => s.current);
    ok(await t.call('console.endSession', { sessionId: current?.sessionId ?? '' }, { openid: JIANGNAN_STAFF }));
    expect(await browser.call('account.getProfile', {})).toMatchObject({ ok: false, code: 'AUTH.REQUIRED' });
    // Someone else's session is answered like a missing one.
    expect(await t.call('console.endSession', { sessionId: current?.sessionId ?? '' }, { openid: 'demo-staff-city' })).toMatchObject({ ok: false, code: 'COMMON.NOT_FOUND' });

    const later = await signInConsole(t, JIANGNAN_STAFF);
    t.clock.set(new Date(t.clock.now().getTime() + SESSION_LIFETIME_MS + 1000));
    expect(await later.call('account.getProfile', {})).toMatchObject({ ok: false, code: 'AUTH.REQUIRED' });
  });

  test('a forged cross-site request is refused: no anti-forgery token, a foreign Origin, or a form post', async () => {
    const browser = await signInConsole(t, JIANGNAN_STAFF);
    const body = { action: 'account.getProfile', payload: {} };
    expect(await browser.post('account', body, { 'x-lxq-csrf': 'f'.repeat(64) })).toMatchObject({ status: 403, body: { ok: false, code: 'CONSOLE.FORGED_REQUEST' } });
    // A foreign Origin: the local runtime's guard (runtime/guard.ts) refuses it before the function's own check.
    expect(await browser.post('account', body, { origin: 'https://evil.example' })).toMatchObject({ status: 403, body: { code: 'CROSS_SITE' } });
    expect(await browser.post('account', body, { 'content-type': 'text/plain' })).toMatchObject({ status: 415 });
    expect(await browser.post('account', body, { origin: t.runtime.url })).toMatchObject({ status: 200, body: { ok: true } });
  });

  test('a mini-program call shaped like an HTTP request keeps the caller’s WeChat identity', async () => {
    const browser = await signInConsole(t, 'demo-staff-city');
    const forged = {
      httpMethod: 'POST',
      path: '/api/account',
      headers: { cookie: browser.cookie, 'content-type': 'application/json' },
      body: '{"action":"account.getProfile","payload":{}}',
    };
    expect(await t.raw('account', forged, { openid: 'demo-resident-001' })).toMatchObject({ body: { ok: false, code: 'COMMON.UNKNOWN_ACTION' } });
  });
});
