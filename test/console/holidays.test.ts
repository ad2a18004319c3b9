import type { Page } from 'playwright-core';
import { seriousViolations } from '../support/axe';
import { screenshot, useConsoleSession } from '../support/browser';
import { ok, type TestRuntime } from '../support/runtime';

jest.setTimeout(180_000);

const ADMIN = 'demo-staff-city';
let t: TestRuntime;
let page: Page;
useConsoleSession({ signInAs: ADMIN, timeout: 90_000 }, (session) => ({ t, page } = session));

test('an administrator enters a year nobody has recorded, 放假 and 调休: the calendar keeps it as staff-entered', async () => {
  const before = ok(await t.call('admin.listHolidayYears', {}, { openid: ADMIN }));
  const year = before.missingYears[0] ?? Math.max(...before.years.map((y) => y.year));
  await page.goto(`${t.runtime.url}/console/#/holidays`);
  await page.getByRole('heading', { name: '节假日安排', level: 1 }).waitFor();
  await page.getByRole('button', { name: before.missingYears.length ? `录入${year}年` : `修改${year}年` }).click();
  await page.getByLabel('第1行 节日').fill('元旦');
  await page.getByLabel('第1行 放假开始').fill(`${year}-01-01`);
  await page.getByLabel('第1行 放假结束').fill(`${year}-01-03`);
  await page.getByRole('button', { name: '添加一行' }).click();
  await page.getByLabel('第2行 节日').fill('春节');
  await page.getByLabel('第2行 放假开始').fill(`${year}-02-06`);
  await page.getByLabel('第2行 放假结束').fill(`${year}-02-12`);
  await page.getByLabel('第2行 调休上班').fill(`${year}-02-14`);
  await screenshot(page, '06-holidays-edit');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByTestId('holidays-saved').waitFor();

  const after = ok(await t.call('admin.listHolidayYears', {}, { openid: ADMIN }));
  const entered = after.years.find((y) => y.year === year);
  expect(entered).toMatchObject({ source: 'staff' });
  expect(entered?.holidays).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ name: '元旦', from: `${year}-01-01`, to: `${year}-01-03` }),
      expect.objectContaining({ name: '春节', from: `${year}-02-06`, to: `${year}-02-12`, workdays: [`${year}-02-14`] }),
    ]),
  );
  expect(after.missingYears).not.toContain(year);
});
