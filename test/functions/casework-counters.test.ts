import { COLLECTIONS } from '../../infra/database';
import type { CaseStats } from '../../miniprogram/shared/contract/casework';
import { COUNTER_VALUES, type CountableCase, type CounterDocument } from '../../miniprogram/shared/domain/caseCounters';
import { CASE_FIGURES } from '../../miniprogram/shared/domain/caseStats';
import { COUNTED_QUEUES, HIDDEN_MODERATION_STATES, QUEUE_STATUSES, type CountedQueue } from '../../miniprogram/shared/domain/caseQueues';
import type { StaffScope } from '../../miniprogram/shared/domain/account';
import { addDays, shanghaiDate, shanghaiInstant } from '../../miniprogram/shared/domain/time';
import { countCases } from '../../cloudfunctions/casework/figures';
import { publicTarget, statsTarget } from '../../cloudfunctions/casework/statsScope';
import type { CaseWorker } from '../../cloudfunctions/casework/access';
import { CaseRecount, eachPage, repairCaseCounters } from '../../runtime/repair/caseCounters';
import { ok, useTestRuntime } from '../support/runtime';
import { normalisedCounters } from './helpers/counters';
import { bindDeputy, database, opinionFor } from './helpers/cloud';
import { BEISHAN_STAFF, CITY_STAFF, JIANGNAN_STAFF, JN_HOUSING_HANDLER } from '../support/people';

/**
 * The statistics counters (core/caseCounters.ts) against a full recount, after random journeys of
 * cases through the functions: residents submit to stations and deputies, staff accept, assign and
 * urge, departments answer, staff approve, deputies reply, residents rate or let the window pass,
 * and days go by with the hourly timer firing. After every journey, the figures staff and the
 * public read (from counters) equal the aggregation over every case of the place, for areas,
 * stations and deputies, whole months and odd ranges; staff tabs' counts equal counting what each
 * tab lists, 逾期 too (cases turned overdue since counted, before and after the timer settles
 * them); and the counter documents equal the ones a recount from scratch builds (what the repair
 * writes).
 */
const START = shanghaiInstant('2026-11-02', '09:00');
/** 刘德明 (dp-005) receives at 南湖 (st-nanhu). */
const LIU = 'wx-liu-counters';

const t = useTestRuntime({ at: START, frozen: true });
beforeAll(async () => {
  await bindDeputy(t, LIU, 'dp-005');
});

/** A small deterministic generator: the journeys are the same on every run. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
  return { chance: (p: number) => next() < p, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T };
}

const TARGETS = [{ stationId: 'st-nanhu' }, { stationId: 'st-qingshi' }, { deputyId: 'dp-005' }, { stationId: 'st-nanhu' }] as const;

interface Journey {
  opinionId: string;
  resident: string;
  byDeputy: boolean;
}

/** One case as far as chance takes it; every step through the function a user would call. */
async function play(journey: Journey, random: ReturnType<typeof generator>): Promise<void> {
  const { opinionId, resident } = journey;
  if (!random.chance(0.8)) return;
  if (journey.byDeputy && random.chance(0.4)) {
    ok(await t.call('opinion.reply', { opinionId, text: '已联系社区，本周内处理。' }, { openid: LIU }));
  } else {
    ok(await t.call('casework.accept', { opinionId }, { openid: JIANGNAN_STAFF }));
    if (!random.chance(0.75)) return;
    ok(await t.call('casework.assign', { opinionId, departmentIds: ['dept-jn-zhujian'], note: '请办理' }, { openid: JIANGNAN_STAFF }));
    if (random.chance(0.3)) ok(await t.call('casework.urge', { opinionId, note: '请尽快答复' }, { openid: JIANGNAN_STAFF }));
    if (!random.chance(0.7)) return;
    const category = random.pick(['solved', 'planned'] as const);
    ok(
      await t.call(
        'casework.answer',
        { opinionId, category, text: '已经按要求办理完毕', ...(category === 'planned' ? { reason: '列入明年计划' } : {}) },
        { openid: JN_HOUSING_HANDLER },
      ),
    );
    if (!random.chance(0.8)) return;
    ok(await t.call('casework.review', { opinionId, decision: 'approve' }, { openid: JIANGNAN_STAFF }));
  }
  if (!random.chance(0.6)) return;
  const rating = random.pick(['satisfied', 'basicallySatisfied', 'dissatisfied'] as const);
  ok(await t.call('opinion.rate', { opinionId, rating, ...(rating === 'dissatisfied' ? { comment: '问题还没有解决，请再处理' } : {}) }, { openid: resident }));
}

const worker = (openid: string, scope: StaffScope) => ({ openid, scope, isHandler: false, actor: { role: 'staff', name: '' } }) as unknown as CaseWorker;

/** Every case figure of a place and range, as counted by aggregation over its cases. */
async function recounted(target: Awaited<ReturnType<typeof publicTarget>>, range: { from: string; to: string }) {
  const { counts, firstResponseMs } = await countCases(database(t), target, range, t.clock.now());
  return { counts, firstResponseMs };
}

async function compareFigures(): Promise<void> {
  const today = shanghaiDate(t.clock.now());
  const ranges = [
    { from: '2026-10-01', to: '2026-10-31' },
    { from: '2026-11-01', to: today },
    { from: '2026-10-15', to: addDays(today, 3) },
    { from: '2026-01-01', to: '2026-12-31' },
  ];
  const db = database(t);
  const places = [{ areaId: 'area-jiangnan' }, { areaId: 'area-linjiang' }, { stationId: 'st-nanhu' }, { stationId: 'st-qingshi' }, { deputyId: 'dp-005' }];
  for (const range of ranges) {
    for (const scope of places) {
      const expected = await recounted(await publicTarget(db, scope), range);
      const stats = ok(await t.call('casework.stats', { ...range, scope }, { openid: CITY_STAFF })) as CaseStats;
      for (const figure of CASE_FIGURES) expect([scope, range, figure, stats.counts[figure]]).toEqual([scope, range, figure, expected.counts[figure]]);
      expect(stats.rates.averageFirstResponseHours).toBe(expected.counts.accepted ? Math.round(expected.firstResponseMs / expected.counts.accepted / 360_000) / 10 : null);
    }
    // A deputy seen by staff of an area and of a station: only the cases within their scope.
    for (const [openid, scope] of [
      [JIANGNAN_STAFF, { role: 'area', areaId: 'area-jiangnan' }],
      [BEISHAN_STAFF, { role: 'station', areaId: 'area-jiangnan', stationId: 'st-beishan' }],
    ] as const) {
      const target = await statsTarget(db, worker(openid, scope as StaffScope), { deputyId: 'dp-005' }).catch(() => null);
      if (!target) continue;
      const expected = await recounted(target, range);
      const stats = ok(await t.call('casework.stats', { ...range, scope: { deputyId: 'dp-005' } }, { openid })) as CaseStats;
      expect([openid, range, stats.counts]).toEqual([openid, range, expect.objectContaining(expected.counts)]);
    }
  }
}

/**
 * Staff tabs' counts (casework.list's first page, read from the queue counters) against counting the
 * cases of each queue in the database, for area, station and city staff and one station of an area.
 * 逾期 against the filter its tab lists by (the running deadline before now, over the scope), whether
 * or not the timer has settled the cases whose deadline passed.
 */
async function compareQueues(): Promise<void> {
  const db = database(t);
  const _ = db.command;
  const callers = [
    { openid: JIANGNAN_STAFF, scope: { areaPath: 'area-jiangnan' } },
    { openid: CITY_STAFF, scope: { areaPath: 'area-linjiang' } },
    { openid: BEISHAN_STAFF, scope: { stationId: 'st-beishan' } },
    { openid: JIANGNAN_STAFF, scope: { stationId: 'st-nanhu' }, stationId: 'st-nanhu' },
  ];
  const inQueue = (queue: CountedQueue) =>
    queue === 'referred' ? { referralOpen: true } : queue === 'overdue' ? { 'deadline.dueAt': _.lt(t.clock.now()) } : { status: _.in([...QUEUE_STATUSES[queue]]) };
  for (const { openid, scope, stationId } of callers) {
    const { counts } = ok(await t.call('casework.list', { view: 'toAccept', pageSize: 1, ...(stationId ? { stationId } : {}) }, { openid })) as { counts: Record<string, number> };
    for (const queue of COUNTED_QUEUES) {
      const { total } = await db
        .collection(COLLECTIONS.opinions)
        .where(_.and([scope, { 'moderation.state': _.nin([...HIDDEN_MODERATION_STATES]) }, inQueue(queue)]))
        .count();
      expect([openid, stationId, queue, counts[queue]]).toEqual([openid, stationId, queue, total]);
    }
  }
}

async function readAll<T>(collection: string): Promise<T[]> {
  const all: T[] = [];
  await eachPage<T>(database(t), collection, (docs) => void all.push(...docs));
  return all;
}

async function compareWithRecount(): Promise<void> {
  // The timer counts the cases whose deadline passed since they were counted, as every hour.
  await t.fireTimer('casework');
  const recount = new CaseRecount(t.clock.now());
  for (const doc of await readAll<CountableCase>(COLLECTIONS.opinions)) recount.count(doc);
  const kept = await readAll<CounterDocument>(COLLECTIONS.caseCounters);
  expect(normalisedCounters(kept)).toEqual(normalisedCounters(recount.documents()));
  expect(COUNTER_VALUES).toContain('firstResponseMs');
}

describe('statistics counters equal a full recount', () => {
  test('as seeded, before any journey', async () => {
    await compareFigures();
    await compareQueues();
    await compareWithRecount();
  });

  test.each([1, 2, 3])('after random journey %i: cases submitted, handled, rated, left to run late, the timer firing', async (round) => {
    const random = generator(round * 7919);
    const journeys: Journey[] = [];
    for (let i = 0; i < 6; i += 1) {
      const resident = `counters-resident-${round}-${i}`;
      const target = random.pick(TARGETS);
      const { opinionId } = ok(await t.call('opinion.submit', opinionFor(target), { openid: resident }));
      journeys.push({ opinionId, resident, byDeputy: 'deputyId' in target });
    }
    for (const journey of journeys) await play(journey, random);
    // Days pass: running deadlines fall due and rating windows close before the hourly timer fires
    // (the figures and 逾期's count add the cases turned overdue since counted), then it fires.
    t.clock.advance(random.pick([1, 4, 9]) * 86_400_000);
    await compareFigures();
    await compareQueues();
    await compareWithRecount();
    // After the timer closed the cases whose rating window passed and settled them.
    await compareQueues();
  });

  test('a counter gone wrong is found by the repair, and written right again', async () => {
    const db = database(t);
    const id = 'station:st-nanhu|2026-11';
    await db
      .collection(COLLECTIONS.caseCounters)
      .doc(id)
      .update({ 'total.collected': db.command.inc(5), 'days.d02.collected': db.command.inc(5) });
    expect((await repairCaseCounters(db, t.clock.now(), { write: false })).differing).toEqual([id]);
    expect((await repairCaseCounters(db, t.clock.now(), { write: true })).differing).toEqual([id]);
    expect((await repairCaseCounters(db, t.clock.now(), { write: false })).differing).toEqual([]);
    await compareFigures();
    await compareWithRecount();
  });
});

describe('逾期 as staff see it: the tab says how many it lists, before and after the timer', () => {
  /** Text the local content security (runtime/openapi/sensitive-words.json) holds for review. */
  const REVIEW_TEXT = '小区门口有人发传单，说加微信领红包，老人容易上当。';

  /** What 逾期's tab says it holds (the first page's counts) and what it lists, page after page. */
  async function overdueTab(openid: string): Promise<{ count: number | undefined; listed: string[] }> {
    const { counts } = ok(await t.call('casework.list', { view: 'toAccept', pageSize: 1 }, { openid }));
    const listed: string[] = [];
    let cursor: string | undefined;
    do {
      const page = ok(await t.call('casework.list', { view: 'overdue', pageSize: 50, ...(cursor === undefined ? {} : { cursor }) }, { openid }));
      listed.push(...page.items.map((item) => item.opinionId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    return { count: counts?.overdue, listed };
  }

  /** The tab of each caller lists the case (or not) and says how many it lists. */
  async function expectTabs(opinionId: string, listedIn: readonly string[], notIn: readonly string[] = []): Promise<void> {
    for (const openid of [...listedIn, ...notIn]) {
      const { count, listed } = await overdueTab(openid);
      expect([openid, listed.includes(opinionId), count]).toEqual([openid, listedIn.includes(openid), listed.length]);
    }
  }

  /** The days go by until an hour after the case's running deadline, without anybody touching it. */
  async function passDeadlineOf(opinionId: string): Promise<void> {
    const { deadline } = ok(await t.call('casework.get', { opinionId }, { openid: CITY_STAFF }));
    const dueAt = new Date(deadline?.dueAt ?? NaN).getTime();
    expect(dueAt).toBeGreaterThan(t.clock.now().getTime());
    t.clock.advance(dueAt - t.clock.now().getTime() + 3_600_000);
  }

  test('a case whose deadline passes with nobody writing it is counted at once, and once after the timer settles it', async () => {
    const { opinionId } = ok(await t.call('opinion.submit', opinionFor({ stationId: 'st-beishan' }), { openid: 'overdue-tab-resident-1' }));
    await expectTabs(opinionId, [], [BEISHAN_STAFF, CITY_STAFF]);
    await passDeadlineOf(opinionId);
    // Before the timer: the queue counters still hold it as in time; the tab adds it (not 江南区's staff: 北山 is 江北区's).
    await expectTabs(opinionId, [BEISHAN_STAFF, CITY_STAFF], [JIANGNAN_STAFF]);
    await compareQueues();
    await t.fireTimer('casework');
    await expectTabs(opinionId, [BEISHAN_STAFF, CITY_STAFF], [JIANGNAN_STAFF]);
    await compareQueues();
    await compareWithRecount();
    // Accepted, it leaves 逾期 (its next stage is in time) and statistics keep it as late.
    ok(await t.call('casework.accept', { opinionId }, { openid: BEISHAN_STAFF }));
    await expectTabs(opinionId, [], [BEISHAN_STAFF, CITY_STAFF]);
    await compareFigures();
  });

  test('a case late at an earlier stage joins 逾期 again when its next deadline passes; statistics count it once', async () => {
    const { opinionId } = ok(await t.call('opinion.submit', opinionFor({ stationId: 'st-nanhu' }), { openid: 'overdue-tab-resident-2' }));
    await passDeadlineOf(opinionId);
    ok(await t.call('casework.accept', { opinionId }, { openid: JIANGNAN_STAFF }));
    const view = ok(await t.call('casework.get', { opinionId }, { openid: JIANGNAN_STAFF }));
    expect(view).toMatchObject({ overdue: true, lateStages: [{ stage: 'accept' }], deadline: { stage: 'respond', overdue: false } });
    await expectTabs(opinionId, [], [JIANGNAN_STAFF, CITY_STAFF]);
    await passDeadlineOf(opinionId);
    await expectTabs(opinionId, [JIANGNAN_STAFF, CITY_STAFF]);
    await compareQueues();
    // 逾期 of the statistics was 1 already (the late accept): the passing deadline adds nothing there.
    await compareFigures();
    await t.fireTimer('casework');
    await expectTabs(opinionId, [JIANGNAN_STAFF, CITY_STAFF]);
    await compareFigures();
    await compareQueues();
    await compareWithRecount();
  });

  test('text held for content review is in no tab when its deadline passes; published, it is in 逾期', async () => {
    const { opinionId } = ok(await t.call('opinion.submit', opinionFor({ stationId: 'st-nanhu' }, { text: REVIEW_TEXT }), { openid: 'overdue-tab-resident-3' }));
    await passDeadlineOf(opinionId);
    await expectTabs(opinionId, [], [JIANGNAN_STAFF, CITY_STAFF]);
    await t.fireTimer('casework');
    await expectTabs(opinionId, [], [JIANGNAN_STAFF, CITY_STAFF]);
    await compareQueues();
    await compareWithRecount();
    ok(await t.call('moderation.approve', { opinionId }, { openid: CITY_STAFF }));
    await expectTabs(opinionId, [JIANGNAN_STAFF, CITY_STAFF]);
    await compareQueues();
    await compareFigures();
  });

  test('cases counted before 逾期 was a counted queue: the repair writes it, and the tab counts what it lists again', async () => {
    const db = database(t);
    const _ = db.command;
    // A case late at the accept stage, waiting on its next deadline.
    const { opinionId } = ok(await t.call('opinion.submit', opinionFor({ stationId: 'st-nanhu' }), { openid: 'overdue-tab-resident-4' }));
    await passDeadlineOf(opinionId);
    ok(await t.call('casework.accept', { opinionId }, { openid: JIANGNAN_STAFF }));
    // As written before this change: no 逾期 in the cases' queues nor in the queue documents, and
    // no instant kept for a case already counted overdue (a late stage) whose deadline runs.
    for (const doc of await readAll<CountableCase & { _id: string; counted?: { values: { overdue: number } } }>(COLLECTIONS.opinions)) {
      await db
        .collection(COLLECTIONS.opinions)
        .doc(doc._id)
        .update({ 'counted.queues.overdue': _.remove(), ...(doc.counted?.values.overdue ? { countedOverdueAt: null } : {}) });
    }
    const queueDocuments = (await readAll<CounterDocument>(COLLECTIONS.caseCounters)).filter((doc) => doc._id.endsWith('|queues'));
    for (const doc of queueDocuments) await db.collection(COLLECTIONS.caseCounters).doc(doc._id).update({ 'total.overdue': _.remove() });
    const stale = await overdueTab(JIANGNAN_STAFF);
    expect(stale.count).toBeLessThan(stale.listed.length);

    const found = await repairCaseCounters(db, t.clock.now(), { write: true });
    expect(found.differing).toEqual(expect.arrayContaining(['area:area-jiangnan|queues', 'station:st-nanhu|queues']));
    expect(found.differing.every((id) => id.endsWith('|queues'))).toBe(true);
    const repaired = await overdueTab(JIANGNAN_STAFF);
    expect(repaired.count).toBe(repaired.listed.length);
    await compareQueues();
    await compareWithRecount();
    // The case late at an earlier stage is followed again: when its deadline passes the tab adds it.
    await passDeadlineOf(opinionId);
    await expectTabs(opinionId, [JIANGNAN_STAFF, CITY_STAFF]);
    await compareQueues();
    await compareFigures();
    await compareWithRecount();
    await expectTabs(opinionId, [JIANGNAN_STAFF, CITY_STAFF]);
  });
});
