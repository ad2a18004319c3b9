import type { CaseStats, PublicFigures, PublicFigureItems } from '../../miniprogram/shared/contract/casework';
import { FIGURES, type FigureCounts } from '../../miniprogram/shared/domain/caseStats';
import type { Headline } from '../../miniprogram/shared/domain/figures';
import { shanghaiInstant } from '../../miniprogram/shared/domain/time';
import { ok, useTestRuntime } from '../support/runtime';
import { opinionFor } from './helpers/cloud';
import { CITY_STAFF } from '../support/people';

/**
 * The public headline figures (casework.figures) and the anonymised lists behind them
 * (casework.figureItems), over the demo seeded as if today were Saturday 2026-10-31
 * (runtime/seed/demoCasework.ts, demoProjects.ts), read on 2026-11-25. The same numbers reach
 * staff statistics, and every station of an area adds up to the area.
 */
const SEEDED_AS_OF = new Date('2026-10-31T01:00:00Z');
const READ_AT = shanghaiInstant('2026-11-25', '10:00');

const t = useTestRuntime({ at: SEEDED_AS_OF });
beforeAll(async () => {
  t.clock.set(READ_AT);
});

type Scope = { areaId: string } | { stationId: string } | { deputyId: string };

async function figures(scope: Scope, year: number, month?: number): Promise<PublicFigures> {
  return ok(await t.call('casework.figures', { scope, year, ...(month ? { month } : {}) }));
}

async function staffStats(scope: Scope, from: string, to: string): Promise<CaseStats> {
  return ok(await t.call('casework.stats', { from, to, scope }, { openid: CITY_STAFF }));
}

type Row = PublicFigureItems['items'][number];

async function allItems(scope: Scope, year: number, month: number | undefined, drill: PublicFigureItems['drill']): Promise<Row[]> {
  const rows: Row[] = [];
  let cursor: string | undefined;
  do {
    const page: PublicFigureItems = ok(await t.call('casework.figureItems', { scope, year, ...(month ? { month } : {}), drill, ...(cursor ? { cursor } : {}) }));
    rows.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return rows;
}

const value = (answer: PublicFigures, key: Headline) => answer.headlines.find((h) => h.key === key)?.value;

describe('casework.figures: the headline figures anyone may read', () => {
  test('江南区 in October 2026: the same numbers staff statistics show, without signing in', async () => {
    const answer = await figures({ areaId: 'area-jiangnan' }, 2026, 10);
    expect(answer).toMatchObject({ scope: { kind: 'area', id: 'area-jiangnan', name: '江南区' }, periodLabel: '2026年10月', from: '2026-10-01', to: '2026-10-31' });
    const staff = await staffStats({ areaId: 'area-jiangnan' }, '2026-10-01', '2026-10-31');
    expect(Object.fromEntries(answer.headlines.map((h) => [h.key, h.value]))).toEqual({
      stationVisits: staff.counts.stationVisits,
      residentsReceived: staff.counts.residentsReceived,
      collected: staff.counts.collected,
      resolved: staff.counts.resolved,
      aClassRate: staff.rates.solvedShare,
      satisfactionRate: staff.rates.satisfactionRate,
      projectStartRate: null,
      projectCompletionRate: null,
    });
    // Worked out by hand in casework-stats.test.ts.
    expect(value(answer, 'stationVisits')).toBe(9);
    expect(value(answer, 'collected')).toBe(9);
    expect(value(answer, 'aClassRate')).toBe(66.7);
    expect(value(answer, 'satisfactionRate')).toBe(50);
  });

  test('江南区 in 2025: its 票决 round chose two projects, both started and finished before the year ended', async () => {
    const answer = await figures({ areaId: 'area-jiangnan' }, 2025);
    expect(answer.periodLabel).toBe('2025年');
    expect(value(answer, 'projectStartRate')).toBe(100);
    expect(value(answer, 'projectCompletionRate')).toBe(100);
    expect(answer.headlines.find((h) => h.key === 'projectStartRate')?.detail).toBe('已开工 2 个 / 票决确定 2 个');
    const projects = await allItems({ areaId: 'area-jiangnan' }, 2025, undefined, 'projects');
    expect(projects.map((p) => ('title' in p ? [p.title, p.stateLabel] : null))).toEqual([
      ['老旧小区加装电梯', '已竣工'],
      ['社区居家养老服务站', '已竣工'],
    ]);
    // 临江市 counts the rounds of the areas below it too.
    expect(value(await figures({ areaId: 'area-linjiang' }, 2025), 'projectCompletionRate')).toBe(100);
  });

  test('staff statistics carry the 票决 figures in the same answer: rounds, projects, 开工率/竣工率 and the year-end 满意率 once published', async () => {
    const jiangnan2025 = (await staffStats({ areaId: 'area-jiangnan' }, '2025-01-01', '2025-12-31')).projects;
    // Two projects, rated 满意+基本满意 and 满意+满意 by two deputies each; the rating closed on 2026-10-21.
    expect(jiangnan2025).toEqual({ rounds: 1, chosen: 2, started: 2, completed: 2, rated: 4, satisfied: 4, startRate: 100, completionRate: 100, satisfactionRate: 100 });
    // 临江市's own round of 2026 is held (its vote still ahead): a round, no project yet.
    expect((await staffStats({ areaId: 'area-linjiang' }, '2026-01-01', '2026-12-31')).projects).toMatchObject({ rounds: 1, chosen: 0, rated: 0, satisfactionRate: null });
    expect((await staffStats({ areaId: 'area-linjiang' }, '2025-01-01', '2025-12-31')).projects).toMatchObject({ rounds: 1, chosen: 2, satisfied: 4 });
    expect((await staffStats({ stationId: 'st-nanhu' }, '2025-01-01', '2025-12-31')).projects).toBeNull();
    // While the deputies still rate, nothing of the rating counts.
    t.clock.set(shanghaiInstant('2026-10-15', '10:00'));
    try {
      expect((await staffStats({ areaId: 'area-jiangnan' }, '2025-01-01', '2025-12-31')).projects).toMatchObject({ chosen: 2, rated: 0, satisfied: 0, satisfactionRate: null });
    } finally {
      t.clock.set(READ_AT);
    }
  });

  test('a station and a deputy have no 票决 figures (rounds belong to areas)', async () => {
    const station = await figures({ stationId: 'st-nanhu' }, 2026, 10);
    expect(station.headlines.map((h) => h.key)).toEqual(['stationVisits', 'residentsReceived', 'collected', 'resolved', 'aClassRate', 'satisfactionRate']);
    const deputy = await figures({ deputyId: 'dp-005' }, 2026, 10);
    expect(deputy.scope).toEqual({ kind: 'deputy', id: 'dp-005', name: '刘德明' });
    expect(value(deputy, 'stationVisits')).toBe(7);
  });

  test.each([
    ['October 2026', '2026-10-01', '2026-10-31'],
    ['the year 2026', '2026-01-01', '2026-12-31'],
  ])('every station of 临江市 added up gives 临江市’s figures, in %s', async (_label, from, to) => {
    const { stations } = ok(await t.call('directory.listStations', { areaId: 'area-linjiang' }));
    expect(stations.length).toBeGreaterThan(2);
    const sum = Object.fromEntries(FIGURES.map((f) => [f, 0])) as FigureCounts;
    for (const station of stations) {
      const counts = (await staffStats({ stationId: station._id }, from, to)).counts;
      for (const figure of FIGURES) sum[figure] += counts[figure];
    }
    const area = await staffStats({ areaId: 'area-linjiang' }, from, to);
    expect(sum).toEqual(area.counts);
    expect(area.counts.collected).toBeGreaterThan(0);
  });

  test('refused: an unknown place, a month out of range', async () => {
    expect(await t.call('casework.figures', { scope: { stationId: 'st-does-not-exist' }, year: 2026 })).toEqual(
      expect.objectContaining({ ok: false, code: 'ADMIN.STATION_NOT_FOUND' }),
    );
    expect(await t.call('casework.figures', { scope: { areaId: 'area-jiangnan' }, year: 2026, month: 13 } as never)).toEqual(
      expect.objectContaining({ ok: false, code: 'COMMON.INVALID_INPUT' }),
    );
  });
});

describe('casework.figureItems: the anonymised list behind a figure', () => {
  test('each list holds as many rows as its figure counts', async () => {
    const scope = { areaId: 'area-jiangnan' };
    const answer = await figures(scope, 2026, 10);
    for (const headline of answer.headlines.filter((h) => h.unit !== '%')) {
      expect({ [headline.key]: (await allItems(scope, 2026, 10, headline.drill)).length }).toEqual({ [headline.key]: headline.value });
    }
    const staff = await staffStats(scope, '2026-10-01', '2026-10-31');
    expect((await allItems(scope, 2026, 10, 'departmentAnswered')).length).toBe(staff.counts.departmentAnswered);
    expect((await allItems(scope, 2026, 10, 'rated')).length).toBe(staff.counts.rated);
  });

  test('no name, phone, photo or tracking number; text masked, and none at all while content review holds it', async () => {
    t.clock.set(shanghaiInstant('2026-11-26', '09:00'));
    const phone = '13912345678';
    const published = ok(
      await t.call(
        'opinion.submit',
        opinionFor({ stationId: 'st-qingshi' }, { text: `青石镇菜场门口积水严重，请尽快处理，我的电话${phone}。`, contact: { name: '周阿姨', phone, mayContact: true } } as never),
        {
          openid: 'figures-resident-a',
        },
      ),
    );
    const held = ok(await t.call('opinion.submit', opinionFor({ stationId: 'st-qingshi' }, { text: '加微信领红包，青石镇菜场门口积水严重。' }), { openid: 'figures-resident-b' }));
    const rows = await allItems({ stationId: 'st-qingshi' }, 2026, 11, 'collected');
    const text = JSON.stringify(rows);
    for (const secret of [phone, '周阿姨', published.opinionId, published.trackingNo, held.opinionId, held.trackingNo, 'figures-resident', 'cloud://'])
      expect(text).not.toContain(secret);
    expect(rows).toContainEqual(expect.objectContaining({ stationName: '青石镇人大代表联络站', text: expect.stringContaining('我的电话[电话已隐去]') }));
    expect(rows).toContainEqual(expect.objectContaining({ categoryLabel: '交通出行', text: '' }));
    expect(text).not.toContain('加微信领红包');
  });

  test('visits and receptions: the day and the station, never the visitor', async () => {
    const rows = await allItems({ stationId: 'st-nanhu' }, 2026, 10, 'stationVisits');
    expect(rows.length).toBe(7);
    expect(Object.keys(rows[0]!).sort()).toEqual(['date', 'key', 'kindLabel', 'stationName']);
    const received = await allItems({ stationId: 'st-nanhu' }, 2026, 10, 'residentsReceived');
    expect(received.every((row) => 'kindLabel' in row && /^代表接待（\d+项诉求）$/.test(row.kindLabel))).toBe(true);
  });
});
