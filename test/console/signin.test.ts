import type { Browser } from 'playwright-core';
import { launchBrowser, openConsole, scanSignInCode, screenshot, signInByScan } from '../support/browser';
import { ok, startTestRuntime, type TestRuntime } from '../support/runtime';

let t: TestRuntime;
let browser: Browser;
beforeAll(async () => {
  [t, browser] = await Promise.all([startTestRuntime(), launchBrowser()]);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

const STAFF = 'demo-staff-jiangnan';
jest.setTimeout(120_000);

test('a staff member signs in by scanning the code and confirming on the phone; the session stays through a reload and ends from the phone', async () => {
  const page = await openConsole(browser, t);
  await page.getByRole('heading', { name: '连心桥 · 人大工作台' }).waitFor();
  await screenshot(page, '00-sign-in');

  await signInByScan(page, t, STAFF);
  await page.getByRole('heading', { name: '数据看板' }).waitFor();
  await page.getByText('人大工作人员').first().waitFor();

  await page.reload();
  await page.getByRole('heading', { name: '数据看板' }).waitFor();

  // 电脑端登录 in the mini-program: the staff member ends this browser's session from the phone.
  const { sessions } = ok(await t.call('console.listSessions', {}, { openid: STAFF }));
  expect(sessions).toHaveLength(1);
  ok(await t.call('console.endSession', { sessionId: sessions[0]?.sessionId ?? '' }, { openid: STAFF }));
  await page.getByText('按年', { exact: true }).click();
  await page.getByTestId('signin-code').waitFor();
});

test('a code scanned by someone who is not staff signs nobody in', async () => {
  const page = await openConsole(browser, t);
  const ticketId = await scanSignInCode(page);
  expect(await t.call('console.confirmTicket', { ticketId }, { openid: 'demo-resident-001' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
  await page.waitForTimeout(2000);
  await expect(page.getByTestId('signin-code').isVisible()).resolves.toBe(true);
});

test('signing out in the console ends the session', async () => {
  const page = await openConsole(browser, t);
  await signInByScan(page, t, STAFF);
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByTestId('signin-code').waitFor();
  expect(ok(await t.call('console.listSessions', {}, { openid: STAFF })).sessions).toHaveLength(0);
});
