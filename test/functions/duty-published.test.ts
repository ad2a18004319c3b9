import tcb from '@cloudbase/node-sdk';
import { COLLECTIONS } from '../../infra/database';
import { publishedIdFor } from '../../infra/documents/duty';
import type { DeputyRow } from '../../miniprogram/shared/contract/duty';
import { DEMO_DUTY_ACCOUNT, DEMO_DUTY_AREA, DEMO_DUTY_DEPUTY } from '../../runtime/seed/demoDuty';
import { Workbook } from 'exceljs';
import { cloud } from './helpers/cloud';
import { exportedFile, staffOf } from './helpers/duty';
import { ok, useTestRuntime } from '../support/runtime';
import { CITY_STAFF, JIANGNAN_STAFF } from '../support/people';

/**
 * 亮分 on the directory's pages: the duty timer publishes this year's figures in plain words; the
 * deputy and station pages show them from the call they already make (no extra database request);
 * a ranking appears only once staff of the area turn it on, and then within the station (on the
 * public page) and within the station and the area (on the deputy's own record).
 */
const t = useTestRuntime();

const deputyPage = () => t.raw('directory', { action: 'directory.getDeputy', payload: { deputyId: DEMO_DUTY_DEPUTY } });
const stationPage = () => t.raw('directory', { action: 'directory.getStation', payload: { stationId: 'st-linjiang' } });

test('nothing is shown before the first publication; afterwards the figures of this year, with no ranking by default', async () => {
  expect(ok((await deputyPage()).body as never)).toMatchObject({ dutyFigures: null });
  await t.fireTimer('duty');

  const deputy = await deputyPage();
  expect(deputy.databaseRequests).toBeLessThanOrEqual(2);
  const record = ok(await t.call('duty.getRecord', { year: 2026, deputyId: DEMO_DUTY_DEPUTY }, { openid: CITY_STAFF }));
  const { dutyFigures } = ok(deputy.body as never) as { dutyFigures: { year: number; sentences: string[]; ranking: unknown; asOf: string } };
  expect(dutyFigures).toMatchObject({ year: 2026, ranking: null, asOf: '2026-11-18' });
  expect(dutyFigures.sentences[0]).toBe(`2026年进站接待${record.figures.dutyDays}天，接待群众${record.figures.residentsReceived}人次。`);

  const station = await stationPage();
  expect(station.databaseRequests).toBe(1);
  const stationFigures = (ok(station.body as never) as { dutyFigures: { sentences: string[]; stars: { stars: number; rubric: string[] } } }).dutyFigures;
  expect(stationFigures.sentences[0]).toMatch(/^2026年开放接待日\d+天/);
  expect(stationFigures.stars.rubric.length).toBeGreaterThan(0);
});

test('staff turn ranking on for their area: deputies there are ranked within their station, others are not', async () => {
  ok(await t.call('duty.saveSettings', { areaId: DEMO_DUTY_AREA, contestFrom: null, contestUntil: null, rankingShown: true }, { openid: CITY_STAFF }));
  await t.fireTimer('duty');
  const { dutyFigures } = ok(await t.call('directory.getDeputy', { deputyId: DEMO_DUTY_DEPUTY }));
  expect(dutyFigures?.ranking).toMatchObject({ within: '临江街道人大代表联络站', of: 4 });
  // 江南区 kept ranking off.
  expect(ok(await t.call('directory.getDeputy', { deputyId: 'dp-005' })).dutyFigures?.ranking).toBeNull();

  ok(await t.call('duty.saveSettings', { areaId: DEMO_DUTY_AREA, contestFrom: null, contestUntil: null, rankingShown: false }, { openid: CITY_STAFF }));
  await t.fireTimer('duty');
  expect(ok(await t.call('directory.getDeputy', { deputyId: DEMO_DUTY_DEPUTY })).dutyFigures?.ranking).toBeNull();
});

test("with ranking on, the deputy's own record shows this year's place within the station and within the area, ranked among the area's deputies by total", async () => {
  const jiangbei = await staffOf(t, 'duty-published-jiangbei', { role: 'area', areaId: DEMO_DUTY_AREA });
  ok(await t.call('duty.saveSettings', { areaId: DEMO_DUTY_AREA, contestFrom: null, contestUntil: null, rankingShown: true }, { openid: CITY_STAFF }));
  await t.fireTimer('duty');
  const record = ok(await t.call('duty.getRecord', { year: 2026 }, { openid: DEMO_DUTY_ACCOUNT }));
  const { deputies } = ok(await t.call('duty.listDeputies', { year: 2026 }, { openid: jiangbei }));
  const mine = deputies.find((deputy) => deputy.deputyId === DEMO_DUTY_DEPUTY)!;
  // The list shows the totals the timer published, every deputy's since the firing.
  expect(deputies.every((deputy) => deputy.total !== null)).toBe(true);
  expect(record.rankings).toEqual([
    expect.objectContaining({ within: '临江街道人大代表联络站' }),
    { within: '江北区', of: deputies.length, rank: 1 + deputies.filter((deputy) => deputy.total! > mine.total!).length },
  ]);
  expect(deputies.length).toBeGreaterThan(record.rankings[0]!.of);
  // Another year's record carries no ranking; 江南区 kept ranking off.
  expect(ok(await t.call('duty.getRecord', { year: 2025 }, { openid: DEMO_DUTY_ACCOUNT })).rankings).toEqual([]);
  expect(ok(await t.call('duty.getRecord', { year: 2026, deputyId: 'dp-005' }, { openid: CITY_STAFF })).rankings).toEqual([]);

  ok(await t.call('duty.saveSettings', { areaId: DEMO_DUTY_AREA, contestFrom: null, contestUntil: null, rankingShown: false }, { openid: CITY_STAFF }));
  await t.fireTimer('duty');
  expect(ok(await t.call('duty.getRecord', { year: 2026 }, { openid: DEMO_DUTY_ACCOUNT })).rankings).toEqual([]);
});

test('every active deputy is published, however many, a turn a firing: a city has more than the 1,000 one request answers', async () => {
  const db = tcb.init({ env: t.runtime.config.envId }).database();
  await t.fireTimer('duty');
  const many = Array.from({ length: 1000 }, (_, i) => ({
    _id: `dp-many-${String(i).padStart(4, '0')}`,
    name: `代表${i}`,
    code: `M${String(i).padStart(4, '0')}`,
    active: true,
    stationIds: [],
  }));
  await db.collection(COLLECTIONS.deputies).add(many);

  // Each firing works out a turn (at least a twentieth of the deputies, 200 at the least, whole
  // stations): a few firings publish everyone, and each answered within its requests' timeouts.
  const firings: Array<{ deputies: number; due: number }> = [];
  for (let due = Infinity; due > 0 && firings.length < 10;) {
    const fired = await t.fireTimer('duty');
    expect(fired.body).toMatchObject({ ok: true });
    const data = (fired.body as { data: { deputies: number; due: number } }).data;
    firings.push(data);
    due = data.due;
  }
  // The thousand new ones were never published: five turns of 200 (the demo's were, earlier today).
  expect(firings.map((firing) => firing.deputies)).toEqual([200, 200, 200, 200, 200]);
  expect(firings.map((firing) => firing.due)).toEqual([800, 600, 400, 200, 0]);
  // The last by _id, past the first thousand read: findDeputies read them all.

  const last = await db.collection(COLLECTIONS.dutyPublished).doc(publishedIdFor('deputy', 'dp-many-0999')).get();
  expect(last.data).toHaveLength(1);
  const demo = await db.collection(COLLECTIONS.dutyPublished).doc(publishedIdFor('deputy', DEMO_DUTY_DEPUTY)).get();
  expect(demo.data).toHaveLength(1);
  // Six firings of about 1,600 database requests each: a minute on a busy two-core machine.
}, 180_000);

test("staff list their deputies a page at a time with the figures the timer published (and when), what waits for them live, and export the scope's summary", async () => {
  const db = tcb.init({ env: t.runtime.config.envId }).database();
  const jiangbei = await staffOf(t, 'duty-published-list', { role: 'area', areaId: DEMO_DUTY_AREA });
  const list = (cursor?: string) => t.raw('duty', { action: 'duty.listDeputies', payload: { year: 2026, ...(cursor ? { cursor } : {}) } }, { openid: jiangbei });
  await t.fireTimer('duty');
  const record = ok(await t.call('duty.getRecord', { year: 2026, deputyId: DEMO_DUTY_DEPUTY }, { openid: CITY_STAFF }));
  const rowOf = async () => (ok((await list()).body as never) as { deputies: DeputyRow[] }).deputies.find((deputy) => deputy.deputyId === DEMO_DUTY_DEPUTY)!;
  const before = await rowOf();
  expect(before).toMatchObject({ total: record.score.total, figures: record.figures, asOf: '2026-11-18' });

  // What waits for staff is counted live, not at the timer's next turn.
  const payload = { clientRequestId: 'duty-list-000001', type: 'inspection' as const, date: '2026-11-10', place: '临江街道', note: '视察老旧小区改造' };
  ok(await t.call('duty.addActivity', payload, { openid: DEMO_DUTY_ACCOUNT }));
  expect(await rowOf()).toMatchObject({ pendingActivities: before.pendingActivities + 1, total: before.total });

  // Last year's export of the area, while it is small enough to work out live: every deputy's record
  // of 2025 with every entry, whatever the timer published; staff of another district export none of them.
  const smallArea = exportedFile(ok(await t.call('duty.export', { year: 2025 }, { openid: jiangbei })));
  const inArea = ok((await list()).body as never) as { deputies: DeputyRow[]; nextCursor: string | null };
  expect(inArea.nextCursor).toBeNull();
  expect(smallArea.deputyCount).toBe(inArea.deputies.length);
  const smallBook = new Workbook();
  await smallBook.xlsx.load((await cloud(t).downloadFile({ fileID: smallArea.fileID })).fileContent as never);
  expect(smallBook.worksheets.map((sheet) => sheet.name)).toEqual(['履职汇总', '履职明细']);
  const lastYear = ok(await t.call('duty.getRecord', { year: 2025, deputyId: DEMO_DUTY_DEPUTY }, { openid: jiangbei }));
  const lastYearRow = (smallBook.getWorksheet('履职汇总')!.getSheetValues().slice(2) as unknown[][]).find((row) => row[1] === lastYear.deputyName);
  expect(lastYearRow?.slice(1, 3)).toEqual([lastYear.deputyName, lastYear.score.total]);
  const lastYearEntries = (smallBook.getWorksheet('履职明细')!.getSheetValues().slice(2) as unknown[][]).filter((row) => row[1] === lastYear.deputyName);
  expect(lastYear.entries.length).toBeGreaterThan(0);
  expect(lastYearEntries.map((row) => row[2])).toEqual(lastYear.entries.map((entry) => entry.date));
  const elsewhere = exportedFile(ok(await t.call('duty.export', { year: 2025 }, { openid: JIANGNAN_STAFF })));
  const elsewhereBook = new Workbook();
  await elsewhereBook.xlsx.load((await cloud(t).downloadFile({ fileID: elsewhere.fileID })).fileContent as never);
  const elsewhereNames = (elsewhereBook.getWorksheet('履职汇总')!.getSheetValues().slice(2) as unknown[][]).map((row) => row[1]);
  expect(elsewhereNames.length).toBe(elsewhere.deputyCount);
  expect(elsewhereNames).not.toContain(lastYear.deputyName);

  // Sixty more deputies at a station of the area: the list comes in pages, each as costly as the first.
  const added = Array.from({ length: 60 }, (_, i) => ({
    _id: `dp-page-${String(i).padStart(2, '0')}`,
    name: `分页代表${i}`,
    code: `P${String(i).padStart(4, '0')}`,
    active: true,
    stationIds: ['st-linjiang'],
  }));
  await db.collection(COLLECTIONS.deputies).add(added);
  const pages: Array<{ deputies: DeputyRow[]; nextCursor: string | null }> = [];
  const requests: number[] = [];
  for (let cursor: string | undefined; pages.length < 10;) {
    const answer = await list(cursor);
    requests.push(answer.databaseRequests);
    const page = ok(answer.body as never) as { deputies: DeputyRow[]; nextCursor: string | null };
    pages.push(page);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  expect(pages.length).toBeGreaterThan(1);
  expect(pages[0]!.deputies).toHaveLength(50);
  expect(new Set(requests).size).toBe(1);
  const shown = pages.flatMap((page) => page.deputies);
  expect(new Set(shown.map((deputy) => deputy.deputyId)).size).toBe(shown.length);
  expect(shown.map((deputy) => deputy.deputyId)).toEqual(expect.arrayContaining([DEMO_DUTY_DEPUTY, ...added.map((deputy) => deputy._id)]));
  // Not yet worked out by the timer: no figures, and no date.
  expect(shown.find((deputy) => deputy.deputyId === 'dp-page-00')).toMatchObject({
    stationNames: ['临江街道人大代表联络站'],
    total: null,
    figures: null,
    asOf: null,
    pendingActivities: 0,
  });
  // Staff of another district see none of them.
  const jiangnan = ok(await t.call('duty.listDeputies', { year: 2026 }, { openid: JIANGNAN_STAFF })).deputies.map((deputy) => deputy.deputyId);
  expect(jiangnan).not.toContain('dp-page-00');
  expect(jiangnan).not.toContain(DEMO_DUTY_DEPUTY);

  // The scope's export: one summary row per deputy with the published figures and their date, read a
  // page at a time (a thousand more deputies make it more than one, and more than one request answers).
  await db.collection(COLLECTIONS.deputies).add(
    Array.from({ length: 1000 }, (_, i) => ({
      _id: `dp-more-${String(i).padStart(4, '0')}`,
      name: `更多代表${i}`,
      code: `Q${String(i).padStart(4, '0')}`,
      active: true,
      stationIds: ['st-linjiang'],
    })),
  );
  const exported = exportedFile(ok(await t.call('duty.export', { year: 2026 }, { openid: jiangbei })));
  expect(exported.deputyCount).toBe(shown.length + 1000);
  const workbook = new Workbook();
  await workbook.xlsx.load((await cloud(t).downloadFile({ fileID: exported.fileID })).fileContent as never);
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['履职汇总']);
  const rows = workbook.getWorksheet('履职汇总')!.getSheetValues().slice(2) as unknown[][];
  expect(rows.find((row) => row[1] === record.deputyName)?.slice(1)).toEqual([
    record.deputyName,
    record.score.total,
    record.figures.dutyDays,
    record.figures.residentsReceived,
    record.figures.opinionsReceived,
    record.figures.opinionsAnswered,
    record.figures.medianReplyDays ?? null,
    record.figures.satisfiedPercent ?? null,
    record.figures.suggestions,
    record.figures.activities,
    '2026-11-18',
  ]);
  expect(rows.find((row) => row[1] === '分页代表0')?.[11]).toBe('尚未统计');
  // Another year's figures are not published, and the area is now too large to work out live: a
  // background job (duty-export-jobs.test.ts); a deputy's own export is still made in the call.
  expect(ok(await t.call('duty.export', { year: 2025 }, { openid: jiangbei }))).toMatchObject({ job: { kind: 'duty', status: 'queued' } });
  expect(exportedFile(ok(await t.call('duty.export', { year: 2025, deputyId: DEMO_DUTY_DEPUTY }, { openid: jiangbei }))).deputyCount).toBe(1);
});
