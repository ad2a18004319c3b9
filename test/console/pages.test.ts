import type { Page } from 'playwright-core';
import { seriousViolations } from '../support/axe';
import { screenshot, signInByScan, useConsoleSession } from '../support/browser';
import type { TestRuntime } from '../support/runtime';

jest.setTimeout(120_000);

let t: TestRuntime;
let page: Page;
useConsoleSession({}, (session) => ({ t, page } = session));

test('the sign-in page has no serious or critical accessibility violations', async () => {
  await page.getByTestId('signin-code').waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  await signInByScan(page, t, 'demo-staff-city');
});

const PAGES: Array<[string, string, string]> = [
  ['/dashboard', '数据看板', '01-dashboard'],
  ['/cases', '意见办理', '02-cases'],
  ['/posters', '二维码海报', '04-posters-admin'],
  ['/calendar', '接待日历', '05-calendar'],
  ['/holidays', '节假日安排', '06-holidays'],
  ['/audit', '查阅记录', '07-audit'],
  ['/codes', '工作人员与绑定码', '08-codes'],
];

test.each(PAGES)('%s (%s) renders for an administrator, with no serious or critical accessibility violations', async (path, title, shot) => {
  await page.goto(`${t.runtime.url}/console/#${path}`);
  await page.getByRole('heading', { name: title, level: 1 }).waitFor();
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('alert').count()).resolves.toBe(0);
  await screenshot(page, shot);
  expect(await seriousViolations(page)).toEqual([]);
});
