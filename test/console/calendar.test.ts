import type { Page } from 'playwright-core';
import { addDays, shanghaiDate } from '../../miniprogram/shared/domain/time';
import { seriousViolations } from '../support/axe';
import { screenshot, useConsoleSession } from '../support/browser';
import { ok, type TestRuntime } from '../support/runtime';

jest.setTimeout(120_000);

const STAFF = { openid: 'demo-staff-jiangnan' };
const RESIDENT = { openid: 'demo-resident-001' };
let t: TestRuntime;
let page: Page;
useConsoleSession({ signInAs: STAFF.openid }, (session) => ({ t, page } = session));

async function dayOn(stationId: string, date: string) {
  const { days } = ok(await t.call('booking.listStationDays', { stationId, from: date, to: date }, STAFF));
  return days[0];
}

test('staff add a reception day with its seats, put a deputy on duty, move it (its resident told) and call it off, in the console', async () => {
  // The console opens on the first station of the area, as listed.
  const [station] = ok(await t.call('directory.listStations', { areaId: 'area-jiangnan' })).stations;
  if (!station) throw new Error('the demo has no Jiangnan station');
  const { deputies } = ok(await t.call('directory.getStation', { stationId: station._id }));
  const [deputy] = deputies;
  if (!deputy) throw new Error(`the demo has no deputy at ${station.name}`);
  const today = shanghaiDate(t.clock.now());
  const free = async (from: string) => {
    let date = from;
    while (await dayOn(station._id, date)) date = addDays(date, 1);
    return date;
  };
  const date = await free(addDays(today, 10));

  await page.goto(`${t.runtime.url}/console/#/calendar`);
  await page.getByRole('heading', { name: '接待日历', level: 1 }).waitFor();
  await page.waitForLoadState('networkidle');

  // A seat count out of range is said before anything is asked.
  await page.getByLabel('新接待日日期').fill(date);
  await page.getByLabel('每个时段名额').fill('0');
  await page.getByRole('button', { name: '添加接待日' }).click();
  await page.getByRole('alert').filter({ hasText: '每个时段的名额请填' }).waitFor();
  expect(await dayOn(station._id, date)).toBeUndefined();

  await page.getByLabel('每个时段名额').fill('6');
  await page.getByRole('button', { name: '添加接待日' }).click();
  await page.getByTestId('calendar-done').filter({ hasText: '每个时段 6 人' }).waitFor();
  const added = await dayOn(station._id, date);
  expect(added?.slots.every((slot) => slot.seats === 6)).toBe(true);
  expect(added?.cancelled).toBe(false);

  // Adding the same date again is refused in Chinese.
  await page.getByLabel('新接待日日期').fill(date);
  await page.getByRole('button', { name: '添加接待日' }).click();
  await page.getByRole('alert').filter({ hasText: '这一天已经安排了接待日' }).waitFor();

  await page.getByRole('button', { name: `${date} 值班代表` }).click();
  const onDuty = page.getByRole('checkbox', { name: deputy.name });
  if (await onDuty.isChecked()) await onDuty.uncheck();
  await page.getByRole('button', { name: '保存值班安排' }).click();
  await page.getByTestId('calendar-done').filter({ hasText: '暂未安排' }).waitFor();
  expect((await dayOn(station._id, date))?.deputyIds).toEqual([]);
  await page.getByRole('button', { name: `${date} 值班代表` }).click();
  await page.getByRole('checkbox', { name: deputy.name }).check();
  await screenshot(page, '05-calendar-roster');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: '保存值班安排' }).click();
  await page.getByTestId('calendar-done').filter({ hasText: deputy.name }).waitFor();
  expect((await dayOn(station._id, date))?.deputyIds).toEqual([deputy._id]);
  await page.getByRole('row').filter({ hasText: date }).filter({ hasText: deputy.name }).waitFor();

  // A resident books the day; staff move it.
  const day = (await dayOn(station._id, date)) as NonNullable<Awaited<ReturnType<typeof dayOn>>>;
  ok(
    await t.call(
      'booking.book',
      { dayId: day._id, slotId: day.slots[0]?.id ?? '', topic: '小区加装电梯的进展', name: '李阿姨', phone: '13812345678', clientRequestId: 'console-calendar-1' },
      RESIDENT,
    ),
  );
  const moveTo = await free(addDays(date, 1));
  await page.getByRole('button', { name: `${date} 改期` }).click();
  await page.getByText('已预约的 1 位群众会收到取消通知').waitFor();
  await page.getByLabel('改期后的日期').fill(moveTo);
  await page.getByLabel('改期原因').fill('会议室检修');
  await page.getByRole('button', { name: '确认改期' }).click();
  await page.getByTestId('calendar-done').filter({ hasText: '1 位预约的群众已收到通知' }).waitFor();
  expect((await dayOn(station._id, date))?.cancelled).toBe(true);
  const moved = await dayOn(station._id, moveTo);
  expect(moved).toMatchObject({ cancelled: false, deputyIds: [deputy._id], windows: day.windows });
  expect(moved?.slots.map((s) => [s.id, s.seats])).toEqual(day.slots.map((s) => [s.id, s.seats]));
  const mine = ok(await t.call('booking.listMine', {}, RESIDENT));
  expect([...mine.upcoming, ...mine.past].find((b) => b.dayId === day._id)).toMatchObject({ status: 'cancelled' });

  await page.getByRole('button', { name: `${moveTo} 取消` }).click();
  await page.getByLabel('取消原因').fill('代表集中学习');
  await page.getByRole('button', { name: '确认取消接待日' }).click();
  await page.getByTestId('calendar-done').filter({ hasText: '已取消' }).waitFor();
  expect((await dayOn(station._id, moveTo))?.cancelled).toBe(true);
  await expect(page.getByRole('button', { name: `${moveTo} 取消` }).count()).resolves.toBe(0);
  await screenshot(page, '05-calendar-edited');
});
