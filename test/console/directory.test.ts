import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { readWorkbook, writeWorkbook } from '../../cloudfunctions/admin/directoryWorkbook';
import { DEPARTMENT_COLUMNS, DEPUTY_COLUMNS, ROSTER_COLUMNS, STATION_COLUMNS, type Cell } from '../../miniprogram/shared/domain/directoryWorkbook';
import { addDays, shanghaiDate } from '../../miniprogram/shared/domain/time';
import { screenshot, useConsoleSession } from '../support/browser';
import { ok, type TestRuntime } from '../support/runtime';

jest.setTimeout(120_000);

let t: TestRuntime;
let page: Page;
const folder = mkdtempSync(join(tmpdir(), 'lxq-workbooks-'));
useConsoleSession({ signInAs: 'demo-staff-jiangnan', route: { path: 'directory', heading: '名册导入' } }, (session) => ({ t, page } = session));

const station = (code: string, name: string): Cell[] => [
  code,
  name,
  'area-jiangnan',
  '江南区滨江路88号',
  30.21,
  120.2,
  '工作日 09:00–17:00',
  '0571-88886666',
  '每月15日上午',
  '在用',
];
const deputy = (code: string, name: string, stations: string): Cell[] => [code, name, '县（区）人大代表', '滨江选区', '教师', '', stations, '在用'];

async function upload(name: string, stations: Cell[][], deputies: Cell[][], departments: Cell[][] = [], roster: Cell[][] = []): Promise<void> {
  const file = join(folder, name);
  writeFileSync(file, await writeWorkbook(stations, deputies, t.clock.now(), departments, roster));
  await page.getByTestId('workbook-file').setInputFiles(file);
}

async function departmentNames(): Promise<string[]> {
  return ok(await t.call('admin.listDepartments', { areaId: 'area-jiangnan', includeInactive: true }, { openid: 'demo-staff-jiangnan' })).departments.map((d) => d.name);
}

async function stationNames(): Promise<string[]> {
  return ok(await t.call('directory.listStations', { areaId: 'area-jiangnan' })).stations.map((s) => s.name);
}

test('a workbook with mistakes is previewed row by row, in Chinese, and nothing is written', async () => {
  const before = await stationNames();
  await upload(
    '有错误.xlsx',
    [station('BJ01', '滨江街道联络站'), station('BJ02', ''), ['b', '坏编号联络站', 'area-nowhere', '某路', 'abc', 120, '', '', '', '在用']],
    [deputy('D801', '李滨江', 'BJ01、ZZ99')],
    [
      ['area-jiangnan', '江南区滨江治水办', '在用'],
      ['area-jiangbei', '江北区某局', '在用'],
      ['area-jiangnan', '江南区滨江治水办', '暂停'],
    ],
  );
  await page.getByTestId('import-error-count').waitFor();
  const table = await page.locator('.t-table').innerText();
  expect(table).toContain('名称');
  expect(table).toContain('必填');
  expect(table).toContain('编号应为2–8位大写字母或数字');
  expect(table).toContain('应为 -90 到 90 之间的数字');
  expect(table).toContain('没有编号为 ZZ99 的联络站');
  expect(table).toMatch(/联络站\s+3\s+名称/);
  expect(table).toMatch(/承办单位\s+4\s+名称\s+与第2行重复/);
  expect(table).toContain('填写“在用”或“停用”');
  expect(table).toMatch(/承办单位\s+3\s+区域编号\s+该区域不在您的管理范围内/);
  await expect(page.getByRole('button', { name: '确认导入' }).count()).resolves.toBe(0);
  await screenshot(page, '03-directory-errors');
  expect(await stationNames()).toEqual(before);
  expect(await departmentNames()).not.toContain('江南区滨江治水办');
});

test('a clean workbook imports all its rows; importing it again changes nothing', async () => {
  const rows = [station('BJ01', '滨江街道联络站'), station('BJ02', '长河街道联络站')];
  const deputies = [deputy('D801', '李滨江', 'BJ01、BJ02')];
  const departments = [
    ['area-jiangnan', '江南区滨江治水办', '在用'],
    ['area-jiangnan', '江南区住房和城乡建设局', '在用'],
  ];
  await upload('干净.xlsx', rows, deputies, departments);
  await page.getByRole('button', { name: '确认导入' }).click();
  await page.getByTestId('import-done').filter({ hasText: '联络站新增 2' }).filter({ hasText: '承办单位新增 1、更新 0、未变 1' }).waitFor();
  expect(await departmentNames()).toContain('江南区滨江治水办');
  expect(await stationNames()).toEqual(expect.arrayContaining(['滨江街道联络站', '长河街道联络站']));
  const found = ok(await t.call('directory.searchDeputies', { keyword: '李滨江' }));
  expect(JSON.stringify(found)).toContain('李滨江');

  await upload('干净-再次.xlsx', rows, deputies, departments);
  await page.getByRole('button', { name: '确认导入' }).click();
  await page.getByTestId('import-done').filter({ hasText: '联络站新增 0、更新 0、未变 2；代表新增 0、更新 0、未变 1；承办单位新增 0、更新 0、未变 2' }).waitFor();
});

const STAFF = { openid: 'demo-staff-jiangnan' };

/** A Jiangnan station with two upcoming reception days and at least two deputies receiving there. */
async function stationWithDays() {
  const today = shanghaiDate(t.clock.now());
  for (const station of ok(await t.call('directory.listStations', { areaId: 'area-jiangnan' })).stations) {
    const { deputies } = ok(await t.call('directory.getStation', { stationId: station._id }));
    const { days } = ok(await t.call('booking.listStationDays', { stationId: station._id, from: today, to: addDays(today, 90) }, STAFF));
    const open = days.filter((day) => !day.cancelled && day.date >= today);
    const [first, second] = open;
    if (first && second && deputies.length >= 2) return { station, deputies, first, second, taken: new Set(days.map((d) => d.date)) };
  }
  throw new Error('the demo has no Jiangnan station with two upcoming days and two deputies');
}

async function rosterOf(stationId: string, date: string): Promise<string[]> {
  const { days } = ok(await t.call('booking.listStationDays', { stationId, from: date, to: date }, STAFF));
  return days[0]?.deputyIds ?? [];
}

test('a duty roster (值班表) with mistakes is listed row by row and nothing is written; a clean one puts the deputies on duty, once', async () => {
  const { station, deputies, first, second, taken } = await stationWithDays();
  const [a, b] = deputies as [(typeof deputies)[number], (typeof deputies)[number]];
  let noDay = addDays(first.date, 1);
  while (taken.has(noDay)) noDay = addDays(noDay, 1);
  const before = await rosterOf(station._id, first.date);

  await upload(
    '值班表-有错误.xlsx',
    [],
    [],
    [],
    [
      [station.code, first.date, `${a.code}、${b.code}`],
      [station.code, noDay, a.code],
      [station.code, addDays(shanghaiDate(t.clock.now()), -7), a.code],
      [station.code, second.date, 'D9999'],
      [station.code, first.date, a.code],
      ['ZZ99', second.date, ''],
      [station.code, '下周三', a.code],
    ],
  );
  await page.getByTestId('import-error-count').waitFor();
  const table = await page.locator('.t-table').innerText();
  expect(table).toMatch(/值班表\s+3\s+日期\s+.*这一天没有接待日，请先在接待日历中添加/);
  expect(table).toMatch(/值班表\s+4\s+日期\s+这一天已经过去/);
  expect(table).toMatch(/值班表\s+5\s+值班代表编号\s+没有编号为 D9999 的代表/);
  expect(table).toMatch(/值班表\s+6\s+日期\s+与第2行是同一联络站的同一天/);
  expect(table).toMatch(/值班表\s+7\s+联络站编号\s+没有编号为 ZZ99 的联络站/);
  expect(table).toMatch(/值班表\s+8\s+日期\s+日期应写成 2027-03-15 这样的年-月-日/);
  await expect(page.getByRole('button', { name: '确认导入' }).count()).resolves.toBe(0);
  expect(await rosterOf(station._id, first.date)).toEqual(before);

  // Dates as staff type them (2026/12/5) are the same day.
  const rows = [
    [station.code, first.date.replace(/-0?/g, '/'), `${a.code}、${b.code}`],
    [station.code, second.date, b.code],
  ];
  await upload('值班表.xlsx', [], [], [], rows);
  await page.getByText(/值班表：更新 \d，未变 \d/).waitFor();
  await page.getByRole('button', { name: '确认导入' }).click();
  await page.getByTestId('import-done').filter({ hasText: '值班表更新' }).waitFor();
  expect((await rosterOf(station._id, first.date)).sort()).toEqual([a._id, b._id].sort());
  expect(await rosterOf(station._id, second.date)).toEqual([b._id]);

  await upload('值班表-再次.xlsx', [], [], [], rows);
  await page.getByRole('button', { name: '确认导入' }).click();
  await page.getByTestId('import-done').filter({ hasText: '值班表更新 0、未变 2' }).waitFor();
});

test('the template and the export come in the layout import reads', async () => {
  const [template] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载模板' }).click()]);
  const templateSheets = await readWorkbook(readFileSync((await template.path()) ?? ''));
  expect(templateSheets?.stations[0]?.slice(0, STATION_COLUMNS.length)).toEqual([...STATION_COLUMNS]);
  expect(templateSheets?.deputies[0]?.slice(0, DEPUTY_COLUMNS.length)).toEqual([...DEPUTY_COLUMNS]);
  expect(templateSheets?.departments[0]?.slice(0, DEPARTMENT_COLUMNS.length)).toEqual([...DEPARTMENT_COLUMNS]);
  expect(templateSheets?.roster[0]?.slice(0, ROSTER_COLUMNS.length)).toEqual([...ROSTER_COLUMNS]);
  // A roster row names an existing reception day, which no example can: headers only.
  expect(templateSheets?.roster).toHaveLength(1);

  const [exported] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出当前名册' }).click()]);
  const sheets = await readWorkbook(readFileSync((await exported.path()) ?? ''));
  const codes = (sheets?.stations ?? []).slice(1).map((row) => row[0]);
  expect(codes).toEqual(expect.arrayContaining(['BJ01', 'BJ02']));
  expect((sheets?.departments ?? []).slice(1).map((row) => row[1])).toEqual(expect.arrayContaining(['江南区滨江治水办', '江南区住房和城乡建设局']));
  // The roster the previous test imported comes back as it went in.
  const { station, deputies, second } = await stationWithDays();
  const secondDeputy = deputies[1]?.code;
  expect((sheets?.roster ?? []).slice(1)).toContainEqual([station.code, second.date, secondDeputy, ...Array(9).fill(null)]);
  // Exported, then imported as it is: nothing to change.
  const file = join(folder, '导出.xlsx');
  writeFileSync(file, readFileSync((await exported.path()) ?? ''));
  await page.getByTestId('workbook-file').setInputFiles(file);
  await page.getByText(/联络站：新增 0，更新 0，未变 \d+；代表：新增 0，更新 0，未变 \d+；承办单位：新增 0，更新 0，未变 \d+；值班表：更新 0，未变 [1-9]\d*/).waitFor();
});

test('the template is a sample a new staff member can import as downloaded: a station, its deputy and a department in their own area, once', async () => {
  const [template] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载模板' }).click()]);
  const file = join(folder, '模板.xlsx');
  writeFileSync(file, readFileSync((await template.path()) ?? ''));
  await page.getByTestId('workbook-file').setInputFiles(file);
  await page.getByText('联络站：新增 1，更新 0，未变 0；代表：新增 1，更新 0，未变 0；承办单位：新增 1，更新 0，未变 0', { exact: false }).waitFor();
  await expect(page.getByTestId('import-error-count').count()).resolves.toBe(0);
  await page.getByRole('button', { name: '确认导入' }).click();
  await page.getByTestId('import-done').filter({ hasText: '联络站新增 1' }).waitFor();
  expect(await stationNames()).toContain('示例街道人大代表联络站');
  expect(await departmentNames()).toContain('示例承办单位');
  const station = ok(await t.call('directory.listStations', { areaId: 'area-jiangnan' })).stations.find((s) => s.code === 'LJ99');
  expect(ok(await t.call('directory.getStation', { stationId: station?._id ?? '' })).deputies.map((d) => d.name)).toEqual(['张示例']);

  // The same workbook again (under another name: the file field reports a change only then).
  const again = join(folder, '模板-再次.xlsx');
  writeFileSync(again, readFileSync(file));
  await page.getByTestId('workbook-file').setInputFiles(again);
  await page.getByText('联络站：新增 0，更新 0，未变 1；代表：新增 0，更新 0，未变 1；承办单位：新增 0，更新 0，未变 1', { exact: false }).waitFor();
});
