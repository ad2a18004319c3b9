import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { seriousViolations } from '../support/axe';
import { screenshot, useConsoleSession } from '../support/browser';
import { pdfPageCodes, pdfPageCount, pdfText } from '../support/pdf';
import { ok, type TestRuntime } from '../support/runtime';

jest.setTimeout(180_000);

let t: TestRuntime;
let page: Page;
useConsoleSession({ signInAs: 'demo-staff-jiangnan', route: { path: 'posters', heading: '二维码海报' } }, (session) => ({ t, page } = session));

async function printed(): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('button', { name: /生成 PDF/ }).click()]);
  await page.getByTestId('posters-done').waitFor();
  return readFileSync((await download.path()) ?? '');
}

test('staff tick two stations and print one A4 poster each: Chinese text, and codes that open those stations', async () => {
  const nanhu = ok(await t.call('directory.getStation', { stationId: 'st-nanhu' })).station;
  await page.getByLabel(`选择 ${nanhu.name}`).check();
  const other = page.getByRole('row').filter({ hasNotText: nanhu.name }).nth(1);
  const otherName = (await other.getByRole('cell').nth(1).innerText()).trim();
  await page.getByLabel(`选择 ${otherName}`).check();
  await screenshot(page, '04-posters');
  expect(await seriousViolations(page)).toEqual([]);

  const pdf = await printed();
  expect(await pdfPageCount(pdf)).toBe(2);
  const text = await pdfText(pdf);
  expect(text).toContain(nanhu.name);
  expect(text).toContain(otherName);
  expect(text).toContain('接待安排');
  expect(text).toContain(nanhu.receptionNote);
  const opened = [];
  for (const read of await pdfPageCodes(pdf)) {
    expect(read).not.toBeNull();
    opened.push(ok(await t.call('directory.resolveScene', { scene: new URL(read ?? '').searchParams.get('scene') ?? '' })));
  }
  expect(opened[0]).toEqual({ kind: 'station', id: 'st-nanhu' });
});

test("a station's deputies as a sheet of cards", async () => {
  await page.getByText('代表', { exact: true }).click();
  await page.getByText('卡片（每页八张）', { exact: true }).click();
  const station = ok(await t.call('directory.getStation', { stationId: 'st-nanhu' }));
  await page.getByLabel(`选择 ${station.deputies[0]?.name ?? ''}`).waitFor();
  await page.getByLabel('全选').check();
  const pdf = await printed();
  expect(await pdfPageCount(pdf)).toBe(Math.ceil(station.deputies.length / 8));
  const text = await pdfText(pdf);
  for (const deputy of station.deputies) expect(text).toContain(deputy.name);
  expect(text).toContain(`联络站：${station.station.name}`);
});
