import type { Page } from 'playwright-core';
import { screenshot, useConsoleSession } from '../support/browser';
import { ok, type TestRuntime } from '../support/runtime';

jest.setTimeout(120_000);

const STAFF = 'demo-staff-jiangnan';
const HANDLER = 'demo-handler-jn-zhujian';
const RESIDENT = 'console-resident-001';

let t: TestRuntime;
let page: Page;
useConsoleSession({ signInAs: STAFF }, (session) => ({ t, page } = session));

/** Pixels of a chart's canvas that are not background: what ECharts drew. */
async function drawnPixels(testId: string): Promise<number> {
  return page
    .getByTestId(testId)
    .locator('canvas')
    .evaluate((canvas: HTMLCanvasElement) => {
      const context = canvas.getContext('2d');
      if (!context) return 0;
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let drawn = 0;
      for (let i = 0; i < data.length; i += 4) if ((data[i + 3] ?? 0) > 0 && ((data[i] ?? 255) < 200 || (data[i + 1] ?? 255) < 200 || (data[i + 2] ?? 255) < 200)) drawn += 1;
      return drawn;
    });
}

async function closeDrawer(): Promise<void> {
  if (await page.locator('.t-drawer--open').count()) {
    await page.keyboard.press('Escape');
    await page.locator('.t-drawer--open').waitFor({ state: 'detached' });
  }
}

test('the dashboard draws its charts, and a figure opens the cases behind it', async () => {
  await page.getByRole('heading', { name: '数据看板', level: 1 }).waitFor();
  await page.getByTestId('chart-figures').locator('canvas').waitFor();
  // The bars: the axis alone is a few hundred pixels; the demo's bars are thousands.
  expect(await drawnPixels('chart-figures')).toBeGreaterThan(3000);
  expect(await drawnPixels('chart-satisfaction')).toBeGreaterThan(3000);
  const collected = Number(await page.locator('[data-figure="collected"] .figure__value').textContent());
  expect(collected).toBeGreaterThan(0);
  await screenshot(page, '01-dashboard-charts');

  await page.locator('[data-figure="collected"]').click();
  await page.getByText('看板数字：').waitFor();
  await page.locator('.case-link').first().waitFor();
  expect(await page.locator('.case-link').count()).toBe(Math.min(collected, 20));
});

test('a case is worked in the console from acceptance and assignment to closing', async () => {
  const { opinionId, trackingNo } = ok(
    await t.call(
      'opinion.submit',
      { clientRequestId: 'console-desk-1', target: { stationId: 'st-nanhu' }, category: 'urbanConstruction', text: '湖滨社区东门路灯坏了两个月，晚上出行很不安全。' },
      { openid: RESIDENT },
    ),
  );
  const drawer = page.locator('.t-drawer');
  const openCase = async (queue: string) => {
    await closeDrawer();
    await page.goto(`${t.runtime.url}/console/#/cases`);
    await page.getByText(queue, { exact: true }).click();
    await page.getByRole('link', { name: trackingNo }).click();
    await drawer.getByText(`意见 ${trackingNo}`).waitFor();
  };
  const done = async () => {
    await drawer.getByTestId('action-message').filter({ hasText: '已完成' }).waitFor();
  };

  await openCase('待受理');
  await screenshot(page, '02-case-drawer');
  await drawer.getByRole('button', { name: '受理' }).click();
  await done();

  await drawer.getByText('江南区住房和城乡建设局').click();
  await drawer.getByLabel('办理意见').fill('请区住建局核实并尽快修复路灯');
  await drawer.getByRole('button', { name: '交办' }).click();
  await done();
  await drawer.getByText('承办单位：江南区住房和城乡建设局').waitFor();

  await drawer.getByLabel('办理意见').fill('请加快办理，群众反映强烈');
  await drawer.getByRole('button', { name: '督办' }).click();
  await done();

  // The department answers in the mini-program.
  ok(await t.call('casework.answer', { opinionId, category: 'solved', text: '路灯已全部修复，已现场核实。' }, { openid: HANDLER }));

  await openCase('待审核');
  await drawer.getByRole('button', { name: '审核通过' }).click();
  await done();
  expect(ok(await t.call('opinion.getMine', { opinionId }, { openid: RESIDENT })).status).toBe('awaitingRating');

  // The resident rates the answer: the case is closed.
  ok(await t.call('opinion.rate', { opinionId, rating: 'satisfied' }, { openid: RESIDENT }));
  await closeDrawer();
  await page.goto(`${t.runtime.url}/console/#/cases`);
  await page.getByText('已办结', { exact: true }).click();
  await page.getByRole('link', { name: trackingNo }).waitFor();
  const timeline = await (async () => {
    await page.getByRole('link', { name: trackingNo }).click();
    // The drawer opens before its case has loaded: wait for the last step, then read them all.
    await drawer.locator('.timeline li', { hasText: '已评价' }).first().waitFor();
    return drawer.locator('.timeline').innerText();
  })();
  for (const step of ['已受理', '已交办', '已督办', '承办单位已答复', '办理结果已答复', '已评价']) expect(timeline).toContain(step);
});

test('a case returned for redoing goes back to the department, and several cases are accepted at once', async () => {
  const submit = async (n: number) =>
    ok(
      await t.call(
        'opinion.submit',
        { clientRequestId: `console-bulk-${n}`, target: { stationId: 'st-nanhu' }, category: 'urbanConstruction', text: `第${n}条：小区门口人行道破损，雨天积水严重。` },
        { openid: `${RESIDENT}-${n}` },
      ),
    );
  const first = await submit(1);
  const second = await submit(2);
  await closeDrawer();
  await page.goto(`${t.runtime.url}/console/#/cases`);
  await page.getByText('待受理', { exact: true }).click();
  await page.getByLabel(`选择 ${first.trackingNo}`).check();
  await page.getByLabel(`选择 ${second.trackingNo}`).check();
  await page.getByRole('button', { name: '批量受理' }).click();
  await page.getByText('已受理 2 件').waitFor();

  ok(await t.call('casework.assign', { opinionId: first.opinionId, departmentIds: ['dept-jn-zhujian'], note: '请核实修复' }, { openid: STAFF }));
  ok(await t.call('casework.answer', { opinionId: first.opinionId, category: 'solved', text: '已修复人行道。' }, { openid: HANDLER }));
  await page.getByText('待审核', { exact: true }).click();
  await page.getByRole('link', { name: first.trackingNo }).click();
  const drawer = page.locator('.t-drawer');
  await drawer.getByLabel('办理意见').fill('现场仍有积水，请重新办理');
  await drawer.getByRole('button', { name: '退回重办' }).click();
  await drawer.getByTestId('action-message').filter({ hasText: '已完成' }).waitFor();
  expect(ok(await t.call('casework.get', { opinionId: first.opinionId }, { openid: STAFF })).pendingDepartmentIds).toEqual(['dept-jn-zhujian']);
});
