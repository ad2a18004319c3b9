import { Workbook } from 'exceljs';
import type { CaseStats, DrillDown } from '../../miniprogram/shared/contract/casework';
import { FIGURES, type Figure, type FigureRates } from '../../miniprogram/shared/domain/caseStats';
import { shanghaiInstant } from '../../miniprogram/shared/domain/time';
import { ok, useTestRuntime, type TestRuntime, FIRST_RATE_TURN, RATE_TURN, refusedWith } from '../support/runtime';
import { cloud } from './helpers/cloud';
import { JIANGNAN_OCTOBER } from '../support/demoFigures';
import { BEISHAN_STAFF, CITY_STAFF, JIANGNAN_STAFF } from '../support/people';

/**
 * Oversight statistics over the seeded demo month (runtime/seed/demoCasework.ts), seeded as if
 * today were Saturday 2026-10-31: cases submitted from 10-01 (during the National Day holiday) to
 * 10-30, reception days on 10-15 and 10-22, and one case from September. The right answers below
 * were worked out by hand from that file; "overdue" counts deadlines that have passed when the
 * figures are read, on Wednesday 2026-11-25 (every open stage of October is past due by then).
 *
 * 江南区, October:
 *   01 南湖 刘德明  accepted 10-08, 交通局 已解决, approved, 满意                 first response 167.5 h
 *   02 南湖 station accepted 10-09, 2 departments, approved, 不满意 → 二次交办 (open)   163 h, overdue
 *   03 青石 赵红梅  replied 10-12 (accept due 10-10: late), 基本满意                182 h, overdue
 *   04 青石 station accepted, forwarded, assigned, urged, returned, 已解决, awaiting rating   24 h
 *   05 南湖 林秀英  received 10-21, never accepted                                overdue
 *   06 南湖 station accepted 10-24, waiting since                               23 h, overdue
 *   07 青石 station accepted, assigned 民政局, urged (open)                       23 h, overdue
 *   09 南湖 station replied by 刘德明 10-30                                       30 h
 *   10 南湖 刘德明  accepted, 民政局 列入计划, approved, closed 未评价              126 h
 *   visits: 南湖 10-15 (4 checked in of 6, 3 received), 南湖 10-22 (3, 1), 青石 10-15 (2, 2)
 */
const SEEDED_AS_OF = new Date('2026-10-31T01:00:00Z');
const READ_AT = shanghaiInstant('2026-11-25', '10:00');
const OCTOBER = { from: '2026-10-01', to: '2026-10-31' };

const t = useTestRuntime({ at: SEEDED_AS_OF });
beforeAll(async () => {
  t.clock.set(READ_AT);
});

async function stats(payload: Parameters<TestRuntime['call']>[1] & object, openid = JIANGNAN_STAFF): Promise<CaseStats> {
  return ok(await t.call('casework.stats', payload as never, { openid }));
}

describe('casework.stats', () => {
  test('江南区 in October: every figure and rate in seven database requests (the case counters, the cases turned overdue since counted, the visits, the 票决 projects, the holiday calendar, the place)', async () => {
    const answer = await t.raw('casework', { action: 'casework.stats', payload: { ...OCTOBER, scope: { areaId: 'area-jiangnan' } } }, { openid: JIANGNAN_STAFF });
    expect(answer.databaseRequests).toBe(7 + FIRST_RATE_TURN);
    const result = ok(answer.body as never) as CaseStats;
    expect(result).toEqual({
      ...OCTOBER,
      scope: { kind: 'area', id: 'area-jiangnan', name: '江南区' },
      counts: JIANGNAN_OCTOBER.counts,
      rates: JIANGNAN_OCTOBER.rates,
      // 江南区's demo round is last year's: nothing chosen for 2026 yet.
      projects: { rounds: 0, chosen: 0, started: 0, completed: 0, rated: 0, satisfied: 0, startRate: null, completionRate: null, satisfactionRate: null },
      generatedAt: expect.any(String),
      holidaysUnknownYears: [],
    });
  });

  test('staff of an area get their own area by default', async () => {
    expect((await stats(OCTOBER)).counts).toEqual(JIANGNAN_OCTOBER.counts);
  });

  /** October's figures in the three scopes below, in their order: 南湖 station, deputy 刘德明, 北山 station. */
  const COUNTS_BY_SCOPE: Record<Figure, number[]> = {
    stationVisits: [7, 7, 2],
    residentsReceived: [4, 2, 1],
    collected: [6, 3, 2],
    accepted: [5, 3, 1],
    resolved: [3, 3, 1],
    departmentAnswered: [2, 2, 1],
    solved: [1, 1, 0],
    rated: [3, 2, 1],
    satisfied: [1, 1, 1],
    dissatisfied: [1, 0, 0],
    unrated: [1, 1, 0],
    overdue: [3, 0, 1],
    urged: [0, 0, 0],
    followedUp: [0, 0, 0],
    followUpSolved: [0, 0, 0],
    followUpUnsolved: [0, 0, 0],
  };
  const RATES_BY_SCOPE: Record<keyof FigureRates, (number | null)[]> = {
    acceptanceRate: [83.3, 100, 50],
    resolutionRate: [50, 100, 50],
    solvedShare: [50, 50, 0],
    satisfactionRate: [33.3, 50, 100],
    averageFirstResponseHours: [101.9, 107.8, 23],
    followUpSolvedRate: [null, null, null],
  };
  const column = <T>(table: Record<string, T[]>, index: number) => Object.fromEntries(Object.entries(table).map(([name, values]) => [name, values[index]]));

  test.each(
    [
      {
        title: '南湖 station in October',
        payload: { ...OCTOBER, scope: { stationId: 'st-nanhu' } },
        openid: JIANGNAN_STAFF,
        scope: { kind: 'station', id: 'st-nanhu', name: '南湖街道人大代表联络站' },
      },
      {
        title: 'deputy 刘德明 in October: opinions left for him or answered by him; visits on his duty days; the visitors he received',
        payload: { ...OCTOBER, scope: { deputyId: 'dp-005' } },
        openid: JIANGNAN_STAFF,
        scope: { kind: 'deputy', id: 'dp-005', name: '刘德明' },
      },
      {
        title: '北山 station staff get their station by default',
        payload: OCTOBER,
        openid: BEISHAN_STAFF,
        scope: { kind: 'station', id: 'st-beishan', name: '北山镇人大代表联络站' },
      },
    ].map((row, index) => ({ ...row, index })),
  )('$title', async ({ payload, openid, scope, index }) => {
    const result = await stats(payload, openid);
    expect(result.scope).toEqual(scope);
    expect(result.counts).toEqual(column(COUNTS_BY_SCOPE, index));
    expect(result.rates).toEqual(column(RATES_BY_SCOPE, index));
  });

  test('the city is exactly its two districts', async () => {
    const [city, jiangnan, jiangbei] = await Promise.all([
      stats({ ...OCTOBER, scope: { areaId: 'area-linjiang' } }, CITY_STAFF),
      stats({ ...OCTOBER, scope: { areaId: 'area-jiangnan' } }, CITY_STAFF),
      stats({ ...OCTOBER, scope: { areaId: 'area-jiangbei' } }, CITY_STAFF),
    ]);
    for (const figure of FIGURES) expect([figure, city.counts[figure]]).toEqual([figure, jiangnan.counts[figure] + jiangbei.counts[figure]]);
    expect(city.counts.collected).toBe(14);
  });

  test('the range decides: September holds one case, closed 未评价 — rated, never satisfied', async () => {
    const result = await stats({ from: '2026-09-01', to: '2026-09-30', scope: { areaId: 'area-jiangnan' } });
    expect(result.counts).toMatchObject({ stationVisits: 0, collected: 1, accepted: 1, resolved: 1, rated: 1, satisfied: 0, unrated: 1 });
    expect(result.rates).toMatchObject({ satisfactionRate: 0, solvedShare: null, averageFirstResponseHours: 55.5, followUpSolvedRate: null });
    const none = await stats({ from: '2026-08-01', to: '2026-08-31', scope: { areaId: 'area-jiangnan' } });
    expect(none.rates).toEqual({
      acceptanceRate: null,
      resolutionRate: null,
      solvedShare: null,
      satisfactionRate: null,
      averageFirstResponseHours: null,
      followUpSolvedRate: null,
    });
  });

  test('refused outside the caller’s scope, for handlers and residents, and for impossible ranges', async () => {
    const outside = { ok: false, code: 'ADMIN.OUT_OF_SCOPE', message: '不在您负责的范围内，请联系上级人大工作人员办理' };
    expect(await t.call('casework.stats', { ...OCTOBER, scope: { areaId: 'area-jiangnan' } }, { openid: BEISHAN_STAFF })).toEqual(outside);
    expect(await t.call('casework.stats', { ...OCTOBER, scope: { stationId: 'st-nanhu' } }, { openid: BEISHAN_STAFF })).toEqual(outside);
    expect(await t.call('casework.stats', { ...OCTOBER, scope: { deputyId: 'dp-003' } }, { openid: JIANGNAN_STAFF })).toEqual(outside);
    expect(await t.call('casework.stats', { ...OCTOBER, scope: { areaId: 'area-nowhere' } }, { openid: JIANGNAN_STAFF })).toEqual(refusedWith('ADMIN.AREA_NOT_FOUND'));
    expect(await t.call('casework.stats', OCTOBER, { openid: 'demo-handler-jn-zhujian' })).toEqual(refusedWith('AUTH.FORBIDDEN'));
    expect(await t.call('casework.stats', OCTOBER, { openid: 'demo-resident-001' })).toEqual(refusedWith('AUTH.FORBIDDEN'));
    expect(await t.call('casework.stats', { from: '2026-10-31', to: '2026-10-01' }, { openid: JIANGNAN_STAFF })).toMatchObject({
      code: 'COMMON.INVALID_INPUT',
      fields: { to: '结束日期不能早于开始日期' },
    });
    expect(await t.call('casework.stats', { from: '2025-01-01', to: '2026-10-31' }, { openid: JIANGNAN_STAFF })).toMatchObject({ fields: { to: '统计期间最长366天' } });
    expect(await t.call('casework.stats', { from: '2026-02-30', to: '2026-10-31' }, { openid: JIANGNAN_STAFF })).toMatchObject({ fields: { from: '没有这一天' } });
  });
});

describe('casework.drillDown: the cases behind every figure', () => {
  async function drill(figure: DrillDown['figure'], scope: object = { areaId: 'area-jiangnan' }): Promise<DrillDown> {
    return ok(await t.call('casework.drillDown', { ...OCTOBER, scope: scope as never, figure, pageSize: 50 }, { openid: JIANGNAN_STAFF }));
  }

  test.each(FIGURES)('%s lists as many rows as the figure counts', async (figure) => {
    const listed = await drill(figure);
    expect(listed).toMatchObject({ figure, nextCursor: null });
    expect(listed.items).toHaveLength(JIANGNAN_OCTOBER.counts[figure]);
  });

  test('the overdue cases, oldest first, in four database requests (one is the holiday calendar)', async () => {
    const answer = await t.raw('casework', { action: 'casework.drillDown', payload: { ...OCTOBER, figure: 'overdue' } }, { openid: JIANGNAN_STAFF });
    expect(answer.databaseRequests).toBe(4 + RATE_TURN);
    const listed = ok(answer.body as never) as DrillDown;
    expect(listed).toMatchObject({ kind: 'cases', label: '逾期' });
    expect(listed.items.map((i) => ('opinionId' in i ? i.opinionId : ''))).toEqual(['case-demo-02', 'case-demo-03', 'case-demo-05', 'case-demo-06', 'case-demo-07']);
  });

  test('satisfaction, and the visitors 刘德明 received', async () => {
    const satisfied = await drill('satisfied');
    expect(satisfied.items.map((i) => ('rating' in i ? [i.opinionId, i.rating?.label] : []))).toEqual([
      ['case-demo-01', '满意'],
      ['case-demo-03', '基本满意'],
    ]);
    const received = await drill('residentsReceived', { deputyId: 'dp-005' });
    expect(received).toMatchObject({ kind: 'receptions', label: '接待人次' });
    expect(received.items.map((i) => ('recordId' in i ? [i.date, i.visitorName, i.deputyIds] : []))).toEqual([
      ['2026-10-15', '刘阿姨', ['dp-002', 'dp-005']],
      ['2026-10-15', '周女士', ['dp-005']],
    ]);
  });

  test('station visits: check-ins and walk-ins, not no-shows or cancellations; pages follow the cursor', async () => {
    const first = ok(await t.call('casework.drillDown', { ...OCTOBER, scope: { stationId: 'st-nanhu' }, figure: 'stationVisits', pageSize: 5 }, { openid: JIANGNAN_STAFF }));
    expect(first).toMatchObject({ kind: 'visits', nextCursor: expect.any(String) });
    const rest = ok(
      await t.call(
        'casework.drillDown',
        { ...OCTOBER, scope: { stationId: 'st-nanhu' }, figure: 'stationVisits', pageSize: 5, cursor: first.nextCursor ?? '' },
        { openid: JIANGNAN_STAFF },
      ),
    );
    expect(rest.nextCursor).toBeNull();
    const rows = [...first.items, ...rest.items].map((i) => ('kind' in i ? [i.date, i.visitorName, i.kind] : []));
    expect(rows).toEqual([
      ['2026-10-15', '陈大爷', 'online'],
      ['2026-10-15', '刘阿姨', 'online'],
      ['2026-10-15', '孙先生', 'online'],
      ['2026-10-15', '周女士', 'walkIn'],
      ['2026-10-22', '钱大爷', 'online'],
      ['2026-10-22', '冯阿姨', 'online'],
      ['2026-10-22', '褚先生', 'walkIn'],
    ]);
  });

  test('refused outside the caller’s scope', async () => {
    expect(await t.call('casework.drillDown', { ...OCTOBER, scope: { areaId: 'area-jiangnan' }, figure: 'collected' }, { openid: BEISHAN_STAFF })).toEqual(
      refusedWith('ADMIN.OUT_OF_SCOPE'),
    );
  });
});

describe('casework.export: the figures and the case list as an Excel workbook', () => {
  test('downloaded from storage and opened again, its cells hold the figures and the cases', async () => {
    const answer = await t.raw('casework', { action: 'casework.export', payload: { ...OCTOBER, scope: { areaId: 'area-jiangnan' } } }, { openid: JIANGNAN_STAFF });
    expect(answer.databaseRequests).toBe(8 + FIRST_RATE_TURN);
    const exported = ok(answer.body as never) as { fileID: string; url: string; fileName: string; caseCount: number };
    expect(exported).toMatchObject({
      fileID: expect.stringMatching(/^cloud:\/\/.+\/exports\/casework\/area-area-jiangnan-2026-10-01-2026-10-31-[0-9a-f]+\.xlsx$/),
      url: expect.stringMatching(/^https?:\/\//),
      fileName: '意见办理统计_江南区_2026-10-01_2026-10-31.xlsx',
      caseCount: 9,
    });

    const { fileContent } = await cloud(t).downloadFile({ fileID: exported.fileID });
    const workbook = new Workbook();
    await workbook.xlsx.load(fileContent as never);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['统计', '意见清单']);

    const summary = workbook.getWorksheet('统计')!;
    const cells = (row: number) => (summary.getRow(row).values as unknown[]).slice(1);
    expect(cells(1)).toEqual(['统计范围（区域）', '江南区']);
    expect(cells(2)).toEqual(['统计期间', '2026-10-01 至 2026-10-31']);
    expect(cells(5)).toEqual(['指标', '数值', '说明']);
    const figures = Object.fromEntries(Array.from({ length: 22 }, (_, i) => cells(6 + i)).map(([label, value]) => [label, value]));
    expect(figures).toEqual({
      进站人次: 9,
      接待人次: 6,
      收集意见: 9,
      已受理: 8,
      已办结: 5,
      承办单位办理并答复: 3,
      答复为已解决: 2,
      '参与评价（含未评价）': 4,
      满意和基本满意: 2,
      不满意: 1,
      未评价: 1,
      逾期: 5,
      督办: 2,
      回访已回答: 0,
      回访确认已解决: 0,
      回访说没有解决: 0,
      '受理率（%）': 88.9,
      '办结率（%）': 55.6,
      '已解决占比（%）': 66.7,
      '满意率（%）': 50,
      '平均首次响应时间（小时）': 92.3,
      // Nobody answered a 回访 of October's cases yet: nothing to divide by.
      '回访解决率（%）': '',
    });
    expect(summary.getCell('C8').value).toBe('期间提交的意见建议件数');

    const list = workbook.getWorksheet('意见清单')!;
    expect(list.rowCount).toBe(10);
    const row = (n: number) => (list.getRow(n).values as unknown[]).slice(1);
    expect(row(1)).toEqual([
      '受理编号',
      '提交时间',
      '联络站',
      '留言对象',
      '类别',
      '状态',
      '首次响应时间',
      '办结时间',
      '承办单位',
      '办理结果',
      '群众评价',
      '是否逾期',
      '督办次数',
      '内容摘要',
    ]);
    expect(row(2)).toEqual([
      'NH01-261001-001',
      '2026-10-01 10:00',
      '南湖街道人大代表联络站',
      '刘德明',
      '交通出行',
      '已办结',
      '2026-10-08 09:30',
      '2026-10-16 10:00',
      '江南区交通运输局',
      '已解决',
      '满意',
      '否',
      0,
      '湖滨路公交站牌年久失修，字迹看不清，老人经常坐错车，希望尽快更换站牌。',
    ]);
    expect(row(3).slice(0, 13)).toEqual([
      'NH01-261002-001',
      '2026-10-02 15:00',
      '南湖街道人大代表联络站',
      '联络站',
      '城乡建设',
      '办理中',
      '2026-10-09 10:00',
      '',
      '江南区住房和城乡建设局、临江市住房和城乡建设局',
      '',
      '不满意',
      '是',
      0,
    ]);
    const trackingNumbers = Array.from({ length: 9 }, (_, i) => row(i + 2)[0]);
    expect(trackingNumbers).toHaveLength(9);
    expect(new Set(trackingNumbers).size).toBe(9);
  });

  test('refused for handlers and outside the caller’s scope', async () => {
    expect(await t.call('casework.export', OCTOBER, { openid: 'demo-handler-jn-zhujian' })).toEqual(refusedWith('AUTH.FORBIDDEN'));
    expect(await t.call('casework.export', { ...OCTOBER, scope: { areaId: 'area-jiangnan' } }, { openid: BEISHAN_STAFF })).toEqual(refusedWith('ADMIN.OUT_OF_SCOPE'));
  });
});
