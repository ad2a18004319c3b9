import { Workbook } from 'exceljs';
import { COLLECTIONS } from '../../infra/database';
import type { RecordDocument } from '../../infra/documents/booking';
import type { DutyRecord } from '../../miniprogram/shared/contract/duty';
import { DEFAULT_POINTS_RULES } from '../../miniprogram/shared/domain/duty';
import { shanghaiInstant } from '../../miniprogram/shared/domain/time';
import { ok, useTestRuntime } from '../support/runtime';
import { bindDeputy, cloud, database, opinionFor } from './helpers/cloud';
import { exportedFile, nanhuDayOn, staffOf } from './helpers/duty';
import { CITY_STAFF, JIANGNAN_STAFF } from '../support/people';

/**
 * 履职档案 and 积分, as a deputy and staff use them: the record fills itself from roster days,
 * receptions and opinions; activities count once staff confirm them; leave keeps a missed day
 * from counting; rules are versioned by date; contests are decided by staff.
 */
const LIU = 'dp-005';
const WU = 'dp-009';
const liu = 'duty-liu';
const wu = 'duty-wu';
let nanhuStaff: string;
/** Database requests one deputy's record of a year takes at most: six kinds of sources, the receptions of their roster days, the rules. */
const PER_RECORD = 8;
let qingshiStaff: string;

const pastDay = (date: string, deputyIds: string[]): Promise<string> => nanhuDayOn(t, 'rd-duty-nanhu', date, deputyIds);

async function received(dayId: string, n: number, deputyIds: string[]): Promise<void> {
  const records: RecordDocument[] = Array.from({ length: n }, (_unused, i) => ({
    _id: `rr-duty-${dayId}-${i}`,
    bookingId: `bk-duty-${dayId}-${i}`,
    dayId,
    stationId: 'st-nanhu',
    areaPath: ['area-linjiang', 'area-jiangnan', 'area-nanhu'],
    visitorOpenid: null,
    visitorName: '群众',
    visitorPhone: '',
    deputyIds,
    items: [],
    note: '',
    recordedBy: 'demo-staff-city',
    recordedAt: shanghaiInstant('2026-03-16', '10:00'),
  }));
  await database(t).collection(COLLECTIONS.receptionRecords).add(records);
}

const record = async (openid: string, deputyId?: string): Promise<DutyRecord> => ok(await t.call('duty.getRecord', { year: 2026, ...(deputyId ? { deputyId } : {}) }, { openid }));
const entry = (r: DutyRecord, id: string) => r.entries.find((e) => e.id === id);

let march: string;
let june: string;
let september: string;
let december: string;

const t = useTestRuntime();
beforeAll(async () => {
  await bindDeputy(t, liu, LIU);
  await bindDeputy(t, wu, WU);
  nanhuStaff = await staffOf(t, 'duty-staff-nanhu', { role: 'station', stationId: 'st-nanhu' });
  qingshiStaff = await staffOf(t, 'duty-staff-qingshi', { role: 'station', stationId: 'st-qingshi' });
  march = await pastDay('2026-03-16', [LIU, WU]);
  june = await pastDay('2026-06-15', [LIU]);
  september = await pastDay('2026-09-15', [LIU]);
  december = await pastDay('2026-12-15', [LIU]);
  await received(march, 2, [LIU]);
}, 60_000);

describe('the record fills itself from what the deputy did in the product', () => {
  test('days on the roster, residents received and a reply appear, each linked to its source, and are scored by the default rules', async () => {
    const resident = 'duty-resident-1';
    const { opinionId } = ok(await t.call('opinion.submit', opinionFor({ deputyId: LIU }), { openid: resident }));
    ok(await t.call('opinion.reply', { opinionId, text: '已联系社区，本周修复。' }, { openid: liu }));

    const mine = await record(liu);
    expect(entry(mine, `dutyDay:${march}`)).toMatchObject({ kind: 'dutyDay', date: '2026-03-16', source: { kind: 'receptionDay', id: march }, points: 3 });
    expect(entry(mine, `residentsReceived:${march}`)).toMatchObject({ count: 2, points: 2, reason: '按默认规则计每人次1分×2' });
    expect(entry(mine, `opinionReceived:${opinionId}`)).toMatchObject({ source: { kind: 'opinion', id: opinionId } });
    expect(entry(mine, `opinionReplied:${opinionId}`)).toMatchObject({ replyDays: 0, points: 1 });
    // A day still ahead is not on the record yet.
    expect(entry(mine, `dutyDay:${december}`)).toBeUndefined();
    expect(mine.score.total).toBe(mine.score.lines.reduce((sum, line) => sum + line.points, 0));
    // 吴海波 was on the March roster too, but no visitor was recorded as received by him.
    const his = await record(wu);
    expect(entry(his, `dutyDay:${march}`)).toBeDefined();
    expect(entry(his, `residentsReceived:${march}`)).toBeUndefined();
  });

  test('staff see the record of a deputy they cover; staff of another station and other deputies find no such deputy', async () => {
    expect((await record(nanhuStaff, LIU)).deputyName).toBe('刘德明');
    expect((await record(JIANGNAN_STAFF, LIU)).deputyName).toBe('刘德明');
    for (const openid of [qingshiStaff, wu]) {
      const refused = await t.call('duty.getRecord', { year: 2026, deputyId: LIU }, { openid });
      expect(refused).toMatchObject({ ok: false, code: 'DUTY.DEPUTY_NOT_FOUND' });
    }
    expect(await t.call('duty.getRecord', { year: 2026 }, { openid: 'duty-plain-resident' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
  });
});

describe('leave and absence', () => {
  test('a day missed without leave costs the penalty; with leave asked and approved it costs nothing', async () => {
    ok(await t.call('duty.setAttendance', { dayId: june, deputyId: LIU, attendance: 'absent' }, { openid: nanhuStaff }));
    const missed = await record(liu);
    expect(entry(missed, `missedDay:${june}`)).toMatchObject({ points: -DEFAULT_POINTS_RULES.missedDayPenalty });
    expect(entry(missed, `dutyDay:${june}`)).toBeUndefined();

    // Leave is asked before the day: December's day is still ahead.
    expect(await t.call('duty.askLeave', { dayId: june, reason: '外出开会' }, { openid: liu })).toMatchObject({ ok: false, code: 'DUTY.DAY_PASSED' });
    expect(await t.call('duty.askLeave', { dayId: december, reason: '外出开会' }, { openid: wu })).toMatchObject({ ok: false, code: 'DUTY.NOT_ON_ROSTER' });
    const { leave } = ok(await t.call('duty.askLeave', { dayId: december, reason: '参加市人大常委会会议' }, { openid: liu }));
    expect(leave).toMatchObject({ status: 'asked', statusLabel: '待批准' });
    expect(await t.call('duty.setAttendance', { dayId: december, deputyId: LIU, attendance: 'leaveApproved' }, { openid: qingshiStaff })).toMatchObject({
      ok: false,
      code: 'DUTY.NOT_FOUND',
    });
    ok(await t.call('duty.setAttendance', { dayId: december, deputyId: LIU, attendance: 'leaveApproved' }, { openid: nanhuStaff }));
    ok(await t.call('duty.setAttendance', { dayId: december, deputyId: LIU, attendance: 'absent' }, { openid: nanhuStaff }));

    const now = t.clock.now();
    t.clock.set(shanghaiInstant('2026-12-20', '10:00'));
    try {
      const after = await record(liu);
      expect(entry(after, `leaveDay:${december}`)).toMatchObject({ points: 0, reason: '已请假，不扣分' });
      expect(entry(after, `missedDay:${december}`)).toBeUndefined();
    } finally {
      t.clock.set(now);
    }
  });
});

describe('activities outside the product', () => {
  test("a deputy's own activity counts once station staff confirm it; staff add one for a group, confirmed at once", async () => {
    const payload = { clientRequestId: 'duty-act-000001', type: 'inspection' as const, date: '2026-05-20', place: '南湖污水处理厂', note: '视察污水处理提标改造进展' };
    const { activity } = ok(await t.call('duty.addActivity', payload, { openid: liu }));
    expect(activity).toMatchObject({ status: 'pending', addedBy: 'deputy', deputyIds: [LIU] });
    expect(ok(await t.call('duty.addActivity', payload, { openid: liu })).activity.activityId).toBe(activity.activityId);
    expect(entry(await record(liu), `activity:${activity.activityId}`)).toBeUndefined();

    expect(await t.call('duty.reviewActivity', { activityId: activity.activityId, confirm: true }, { openid: qingshiStaff })).toMatchObject({ ok: false, code: 'DUTY.NOT_FOUND' });
    ok(await t.call('duty.reviewActivity', { activityId: activity.activityId, confirm: true }, { openid: nanhuStaff }));
    expect(await t.call('duty.reviewActivity', { activityId: activity.activityId, confirm: false }, { openid: nanhuStaff })).toMatchObject({
      ok: false,
      code: 'DUTY.ALREADY_DECIDED',
    });
    expect(entry(await record(liu), `activity:${activity.activityId}`)).toMatchObject({ kind: 'activity', activityType: 'inspection', points: 3, title: '视察：南湖污水处理厂' });

    const group = ok(
      await t.call(
        'duty.addActivity',
        { clientRequestId: 'duty-act-group01', type: 'votersMeeting', date: '2026-06-01', place: '湖滨社区', note: '代表·选民面对面活动', deputyIds: [LIU, WU] },
        { openid: JIANGNAN_STAFF },
      ),
    ).activity;
    expect(group).toMatchObject({ status: 'confirmed', addedBy: 'staff' });
    expect(entry(await record(wu), `activity:${group.activityId}`)).toMatchObject({ points: 4 });
    // A deputy adds for nobody else; staff add for nobody they do not cover.
    expect(await t.call('duty.addActivity', { ...payload, clientRequestId: 'duty-act-000002', deputyIds: [LIU, WU] }, { openid: liu })).toMatchObject({
      ok: false,
      code: 'AUTH.FORBIDDEN',
    });
    expect(await t.call('duty.addActivity', { ...payload, clientRequestId: 'duty-act-000003', deputyIds: [LIU] }, { openid: qingshiStaff })).toMatchObject({
      ok: false,
      code: 'DUTY.DEPUTY_NOT_FOUND',
    });
  });
});

describe('points rules versioned by date', () => {
  test("a version from July on changes July's days, not March's; every line says which rules it used", async () => {
    const rules = { ...DEFAULT_POINTS_RULES.rules, dutyDay: { points: 5, capPerYear: null } };
    expect(await t.call('duty.saveRules', { areaId: 'area-jiangnan', effectiveFrom: '2026-07-01', rules, missedDayPenalty: 3 }, { openid: nanhuStaff })).toMatchObject({
      ok: false,
      code: 'AUTH.FORBIDDEN',
    });
    const view = ok(await t.call('duty.saveRules', { areaId: 'area-jiangnan', effectiveFrom: '2026-07-01', rules, missedDayPenalty: 3 }, { openid: JIANGNAN_STAFF }));
    expect(view.versions.map((v) => v.effectiveFrom)).toEqual(['2026-07-01']);
    const after = await record(liu);
    expect(entry(after, `dutyDay:${march}`)).toMatchObject({ points: 3, reason: '按默认规则计3分' });
    expect(entry(after, `dutyDay:${september}`)).toMatchObject({ points: 5, reason: '按2026-07-01起施行的规则计5分' });
    // Recounting gives the same answer.
    expect(await record(liu)).toEqual(after);
    expect(await t.call('duty.saveRules', { areaId: 'area-jiangbei', effectiveFrom: '2026-07-01', rules, missedDayPenalty: 3 }, { openid: JIANGNAN_STAFF })).toMatchObject({
      ok: false,
      code: 'ADMIN.OUT_OF_SCOPE',
    });
  });
});

describe('contests: 错、重、漏', () => {
  test('only inside the window staff set; an upheld 重 strikes the entry, an upheld 漏 adds the activity', async () => {
    const target = `residentsReceived:${march}`;
    expect(await t.call('duty.contest', { year: 2026, kind: 'double', entryId: target, reason: '与另一条重复记录' }, { openid: liu })).toMatchObject({
      ok: false,
      code: 'DUTY.CONTEST_CLOSED',
    });
    ok(await t.call('duty.saveSettings', { areaId: 'area-jiangnan', contestFrom: '2026-11-01', contestUntil: '2026-11-30', rankingShown: false }, { openid: JIANGNAN_STAFF }));
    const { contest } = ok(await t.call('duty.contest', { year: 2026, kind: 'double', entryId: target, reason: '与另一条重复记录' }, { openid: liu }));
    expect(contest).toMatchObject({ kindLabel: '重', status: 'open' });
    const before = await record(liu);
    ok(await t.call('duty.decideContest', { contestId: contest.contestId, uphold: true, note: '核实后确属重复' }, { openid: nanhuStaff }));
    expect(await t.call('duty.decideContest', { contestId: contest.contestId, uphold: false, note: '再次处理' }, { openid: nanhuStaff })).toMatchObject({
      ok: false,
      code: 'DUTY.ALREADY_DECIDED',
    });
    const after = await record(liu);
    expect(entry(after, target)).toMatchObject({ struck: true, points: 0, reason: '经核实有误，不计分' });
    expect(after.score.total).toBe(before.score.total - 2);
    expect(after.contests.find((c) => c.contestId === contest.contestId)).toMatchObject({ status: 'upheld', statusLabel: '已采纳', decisionNote: '核实后确属重复' });

    const missing = ok(await t.call('duty.contest', { year: 2026, kind: 'missing', reason: '4月参加市人大组织的培训未记录' }, { openid: liu })).contest;
    ok(
      await t.call(
        'duty.decideContest',
        { contestId: missing.contestId, uphold: true, note: '已补录', missing: { type: 'training', date: '2026-04-10', place: '市人大常委会' } },
        { openid: nanhuStaff },
      ),
    );
    expect((await record(liu)).entries.find((e) => e.kind === 'activity' && e.activityType === 'training')).toMatchObject({ date: '2026-04-10', points: 2 });
  });
});

describe('staff lists and exports', () => {
  test('staff see the deputies they cover with totals, and export a deputy or all of them to Excel', async () => {
    const nanhu = ok(await t.call('duty.listDeputies', { year: 2026 }, { openid: nanhuStaff })).deputies.map((d) => d.deputyId);
    expect(nanhu.sort()).toEqual(['dp-002', LIU, WU]);
    const area = ok(await t.call('duty.listDeputies', { year: 2026 }, { openid: JIANGNAN_STAFF })).deputies.map((d) => d.deputyId);
    expect(area).toEqual(expect.arrayContaining([LIU, WU, 'dp-006']));
    expect(area).not.toContain('dp-007');

    const exported = exportedFile(ok(await t.call('duty.export', { year: 2026, deputyId: LIU }, { openid: CITY_STAFF })));
    expect(exported).toMatchObject({ fileName: '代表履职档案_刘德明_2026.xlsx', deputyCount: 1 });
    const { fileContent } = await cloud(t).downloadFile({ fileID: exported.fileID });
    const workbook = new Workbook();
    await workbook.xlsx.load(fileContent as never);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['履职汇总', '履职明细']);
    const mine = await record(liu);
    expect((workbook.getWorksheet('履职汇总')!.getRow(2).values as unknown[]).slice(1, 3)).toEqual(['刘德明', mine.score.total]);
    expect(workbook.getWorksheet('履职明细')!.rowCount).toBe(mine.entries.length + 1);

    const all = exportedFile(ok(await t.call('duty.export', { year: 2026 }, { openid: nanhuStaff })));
    expect(all.deputyCount).toBe(3);

    // Last year's annual report of the station (what staff make every January): a station is small
    // enough to work out live, so every deputy's record of 2025 is in it, with every entry.
    await nanhuDayOn(t, 'rd-duty-lastyear', '2025-11-10', [LIU]);
    const answer = await t.raw('duty', { action: 'duty.export', payload: { year: 2025 } }, { openid: nanhuStaff });
    const lastYear = ok(answer.body as never) as { fileID: string; fileName: string; deputyCount: number };
    expect(lastYear).toMatchObject({ fileName: '代表履职档案_本辖区_2025.xlsx', deputyCount: 3 });
    const book = new Workbook();
    await book.xlsx.load((await cloud(t).downloadFile({ fileID: lastYear.fileID })).fileContent as never);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['履职汇总', '履职明细']);
    const records = await Promise.all(['dp-002', LIU, WU].map(async (deputyId) => ok(await t.call('duty.getRecord', { year: 2025, deputyId }, { openid: nanhuStaff }))));
    const summary = (book.getWorksheet('履职汇总')!.getSheetValues().slice(2) as unknown[][]).map((row) => row.slice(1, 3));
    expect(summary.sort()).toEqual(records.map((one) => [one.deputyName, one.score.total]).sort());
    expect(records.find((one) => one.deputyId === LIU)!.entries.length).toBeGreaterThan(0);
    const entries = book.getWorksheet('履职明细')!.getSheetValues().slice(2) as unknown[][];
    expect(entries).toHaveLength(records.reduce((sum, one) => sum + one.entries.length, 0));
    expect(entries.filter((row) => row[1] === '刘德明').map((row) => row[2])).toEqual(records.find((one) => one.deputyId === LIU)!.entries.map((entry) => entry.date));
    // The caller, the page of the station's deputies and their stations, then each record's own reads
    // (the receptions only of a deputy on a roster that year): the bound the live export is sized by.
    expect(answer.databaseRequests).toBeLessThanOrEqual(3 + 3 * PER_RECORD);
    expect(answer.databaseRequests).toBeGreaterThanOrEqual(3 + 3 * (PER_RECORD - 1));
  });
});
