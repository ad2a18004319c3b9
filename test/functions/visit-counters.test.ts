import { COLLECTIONS } from '../../infra/database';
import type { CaseStats } from '../../miniprogram/shared/contract/casework';
import type { StaffScope } from '../../miniprogram/shared/domain/account';
import type { ReceptionDayView } from '../../miniprogram/shared/domain/booking';
import { addDays, shanghaiDate, shanghaiInstant } from '../../miniprogram/shared/domain/time';
import { countVisits } from '../../cloudfunctions/casework/figures';
import { publicTarget, statsTarget, type StatsTarget } from '../../cloudfunctions/casework/statsScope';
import type { CaseWorker } from '../../cloudfunctions/casework/access';
import { readVisitCounters } from '../../cloudfunctions/core/visitCounters';
import type { VisitCounterDocument } from '../../cloudfunctions/core/visitCounts';
import { eachPage } from '../../runtime/repair/caseCounters';
import { repairVisitCounters, VisitRecount } from '../../runtime/repair/visitCounters';
import { ok, useTestRuntime } from '../support/runtime';
import { normalisedCounters } from './helpers/counters';
import { addTestDay, bookingPayload, database, requestId } from './booking.support';
import { BEISHAN_STAFF, CITY_STAFF, JIANGNAN_STAFF } from '../support/people';

/**
 * The visit counters (core/visitCounters.ts: 进站人次 and 接待人次 per place and month) against
 * the aggregation over reception days, bookings and records (casework/figures.ts countVisits, kept
 * as the reference), after random journeys through the functions: staff open a day at a station
 * and put deputies on it, residents book and check in by the station's code or at the desk, staff
 * register walk-ins, deputies' receptions are recorded and recorded again with other deputies, the
 * roster changes after the fact, and days pass across months with the booking timer firing. After
 * every journey, the figures staff (city, district, station) and the public read equal the
 * aggregation for areas, stations and deputies (alone and within a scope), whole and partial
 * months and a year; and the counter documents equal a recount from scratch (what the repair
 * writes and the seeds write).
 */
const START = shanghaiInstant('2026-10-27', '07:00');
const t = useTestRuntime({ at: START, frozen: true });

/** Stations and the deputies who receive there (dp-003 at two stations of two areas). */
const STATIONS: Record<string, string[]> = {
  'st-beishan': ['dp-003', 'dp-007', 'dp-011', 'dp-013'],
  'st-linjiang': ['dp-001', 'dp-003', 'dp-004', 'dp-008'],
  'st-nanhu': ['dp-002', 'dp-005', 'dp-009'],
};

function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const some = <T>(items: readonly T[]): T[] => items.filter(() => next() < 0.5);
  return { chance: (p: number) => next() < p, pick, some };
}
type Random = ReturnType<typeof generator>;

const today = () => shanghaiDate(t.clock.now());
let residents = 0;

/** One station's reception day today, as far as chance takes it. */
async function playDay(stationId: string, random: Random): Promise<void> {
  const deputies = STATIONS[stationId] ?? [];
  const day: ReceptionDayView = await addTestDay(t, { stationId, date: today(), windows: [{ start: '09:00', end: '11:00' }], seats: 5 });
  ok(await t.call('booking.setRoster', { dayId: day._id, deputyIds: random.some(deputies) }, { openid: CITY_STAFF }));
  const { scene } = ok(await t.call('booking.getCheckInQr', { stationId }, { openid: CITY_STAFF }));
  const arrived: string[] = [];
  for (let i = 0; i < 4; i += 1) {
    residents += 1;
    const resident = `visits-resident-${residents}`;
    const { booking } = ok(await t.call('booking.book', bookingPayload(day, { name: '王先生' }), { openid: resident }));
    if (!random.chance(0.7)) continue; // a no-show, for the timer
    if (random.chance(0.5)) ok(await t.call('booking.checkIn', { scene }, { openid: resident }));
    else ok(await t.call('booking.staffCheckIn', { code: booking.code }, { openid: CITY_STAFF }));
    arrived.push(booking._id);
  }
  if (random.chance(0.6)) {
    const { entry } = ok(await t.call('booking.addWalkIn', { dayId: day._id, name: '赵女士', topic: '咨询', clientRequestId: requestId() }, { openid: CITY_STAFF }));
    arrived.push(entry._id);
  }
  const roster = async () => ok(await t.call('booking.getRoster', { dayId: day._id }, { openid: CITY_STAFF })).day.deputyIds as string[];
  const record = async (bookingId: string) =>
    ok(
      await t.call('booking.recordReception', { bookingId, deputyIds: random.some(await roster()), items: [{ text: '反映小区停车难', toOpinion: false }] }, { openid: CITY_STAFF }),
    );
  for (const bookingId of arrived) if (random.chance(0.7)) await record(bookingId);
  // A record written again, naming other deputies.
  const again = arrived[0];
  if (again && random.chance(0.5)) await record(again);
  // The roster changes after receptions were recorded: whose figures the day counts in changes with it.
  if (random.chance(0.7)) ok(await t.call('booking.setRoster', { dayId: day._id, deputyIds: random.some(deputies) }, { openid: CITY_STAFF }));
}

const worker = (openid: string, scope: StaffScope) => ({ openid, scope, isHandler: false, actor: { role: 'staff', name: '' } }) as unknown as CaseWorker;

const CALLERS: Array<{ openid: string; scope: StaffScope; places: Array<{ areaId: string } | { stationId: string } | { deputyId: string }> }> = [
  {
    openid: CITY_STAFF,
    scope: { role: 'admin', areaId: 'area-linjiang' } as StaffScope,
    places: [
      { areaId: 'area-linjiang' },
      { areaId: 'area-jiangbei' },
      { areaId: 'area-jiangnan' },
      { areaId: 'area-beishan' },
      { areaId: 'area-hubin' },
      { stationId: 'st-beishan' },
      { stationId: 'st-nanhu' },
      { deputyId: 'dp-003' },
      { deputyId: 'dp-005' },
    ],
  },
  { openid: JIANGNAN_STAFF, scope: { role: 'area', areaId: 'area-jiangnan' } as StaffScope, places: [{ areaId: 'area-nanhu' }, { stationId: 'st-nanhu' }, { deputyId: 'dp-005' }] },
  {
    openid: BEISHAN_STAFF,
    scope: { role: 'station', areaId: 'area-beishan', stationId: 'st-beishan' } as StaffScope,
    places: [{ stationId: 'st-beishan' }, { deputyId: 'dp-003' }, { deputyId: 'dp-011' }],
  },
];

async function compareFigures(): Promise<void> {
  const db = database(t);
  const ranges = [
    { from: '2026-10-01', to: '2026-10-31' },
    { from: '2026-11-01', to: '2026-11-30' },
    { from: addDays(today(), -20), to: today() },
    { from: addDays(today(), -3), to: addDays(today(), 2) },
    { from: '2026-01-01', to: '2026-12-31' },
  ];
  const expectSame = async (label: unknown, target: StatsTarget, range: { from: string; to: string }, read: Promise<{ stationVisits: number; residentsReceived: number }>) => {
    const expected = await countVisits(db, target, range);
    const got = await read;
    expect([label, range, { stationVisits: got.stationVisits, residentsReceived: got.residentsReceived }]).toEqual([label, range, expected]);
  };
  for (const range of ranges) {
    for (const { openid, scope, places } of CALLERS) {
      for (const place of places) {
        const target = await statsTarget(db, worker(openid, scope), place);
        const stats = ok(await t.call('casework.stats', { ...range, scope: place }, { openid })) as CaseStats;
        await expectSame([openid, place], target, range, Promise.resolve(stats.counts));
      }
    }
    // The public figures page: a deputy wherever they receive, a station, an area.
    for (const place of [{ deputyId: 'dp-003' }, { stationId: 'st-linjiang' }, { areaId: 'area-jiangbei' }]) {
      const target = await publicTarget(db, place);
      await expectSame(['public', place], target, range, readVisitCounters(db, target.counterKey, range));
    }
  }
}

async function readAll<T>(collection: string): Promise<T[]> {
  const all: T[] = [];
  await eachPage<T>(database(t), collection, (docs) => void all.push(...docs));
  return all;
}

async function compareWithRecount(): Promise<void> {
  const recount = new VisitRecount();
  recount.addBookings(await readAll(COLLECTIONS.bookings));
  recount.addRecords(await readAll(COLLECTIONS.receptionRecords));
  for (const day of await readAll<Parameters<VisitRecount['count']>[0]>(COLLECTIONS.receptionDays)) recount.count(day);
  expect(normalisedCounters(await readAll<VisitCounterDocument>(COLLECTIONS.visitCounters))).toEqual(normalisedCounters(recount.documents()));
  expect(recount.documents().length).toBeGreaterThan(0);
}

describe('visit counters equal the aggregation', () => {
  test('as seeded, before any journey', async () => {
    await compareFigures();
    await compareWithRecount();
  }, 60_000);

  test.each([1, 2, 3])(
    'after random journey %i: days opened, bookings checked in, walk-ins, receptions recorded, rosters changed',
    async (round) => {
      const random = generator(round * 104_729);
      for (let i = 0; i < 3; i += 1) {
        t.clock.advance(random.pick([2, 4, 7]) * 86_400_000);
        for (const stationId of random.some(Object.keys(STATIONS))) await playDay(stationId, random);
        // The timer settles what a write left stale: not after the last day, so each write's own settling is what is checked.
        if (i < 2 && random.chance(0.5)) await t.fireTimer('booking');
      }
      await compareFigures();
      await compareWithRecount();
    },
    180_000,
  );

  test('a station shared with another area: its days, visited or not, count there too, and only there as well', async () => {
    const { _id, code, name, areaId, address, location, openingHours, phone, receptionNote, active } = ok(await t.call('directory.getStation', { stationId: 'st-nanhu' })).station;
    const form = { stationId: _id, code, name, areaId, address, location, openingHours, phone, receptionNote, active };
    ok(await t.call('admin.saveStation', { ...form, sharedAreaIds: ['area-beishan'] }, { openid: CITY_STAFF }));
    await compareFigures();
    await compareWithRecount();
    ok(await t.call('admin.saveStation', { ...form, sharedAreaIds: [] }, { openid: CITY_STAFF }));
    await compareFigures();
    await compareWithRecount();
  }, 120_000);

  test('a generated day someone walked in on stays when the rule changes, and its visits with it', async () => {
    const db = database(t);
    t.clock.advance(86_400_000);
    const day = await addTestDay(t, { stationId: 'st-qingshi', date: today(), windows: [{ start: '09:00', end: '11:00' }], seats: 5 });
    // As the schedule generated it: a rule day nobody booked, which a rule change may replace.
    await db.collection(COLLECTIONS.receptionDays).doc(day._id).update({ source: 'rule' });
    ok(await t.call('booking.addWalkIn', { dayId: day._id, name: '钱先生', topic: '咨询', clientRequestId: requestId() }, { openid: CITY_STAFF }));
    const weekday = new Date(`${today()}T00:00:00Z`).getUTCDay() || 7;
    const rule = { pattern: { kind: 'weekly' as const, weekday: (weekday % 7) + 1 }, windows: [{ start: '09:00', end: '11:00' }], slotMinutes: 60, seatsPerSlot: 5, deputyIds: [] };
    ok(await t.call('booking.saveRule', { stationId: 'st-qingshi', rule }, { openid: CITY_STAFF }));
    const { data } = await db.collection(COLLECTIONS.receptionDays).where({ _id: day._id }).get();
    expect(data).toHaveLength(1);
    await compareWithRecount();
  });

  test('a write that died after marking its day is counted by the booking timer', async () => {
    const db = database(t);
    t.clock.advance(86_400_000);
    const day = await addTestDay(t, { stationId: 'st-nanhu', date: today(), windows: [{ start: '09:00', end: '11:00' }], seats: 5 });
    const { booking } = ok(await t.call('booking.book', bookingPayload(day), { openid: 'visits-resident-died' }));
    // What staffCheckIn does up to its settling: the day marked, the booking checked in, then nothing.
    await db
      .collection(COLLECTIONS.receptionDays)
      .doc(day._id)
      .update({ visited: true, visitsStale: true, visitsMark: db.command.inc(1) });
    await db.collection(COLLECTIONS.bookings).doc(booking._id).update({ status: 'checkedIn', checkedInAt: t.clock.now() });
    const range = { from: today(), to: today() };
    const target = await publicTarget(db, { stationId: 'st-nanhu' });
    const before = await readVisitCounters(db, target.counterKey, range);
    expect((await countVisits(db, target, range)).stationVisits).toBe(before.stationVisits + 1);
    await t.fireTimer('booking');
    expect(await readVisitCounters(db, target.counterKey, range)).toEqual(await countVisits(db, target, range));
    await compareWithRecount();
  });

  test('the repair finds counters that drifted and, with write, rewrites them', async () => {
    const db = database(t);
    const [doc] = await readAll<VisitCounterDocument>(COLLECTIONS.visitCounters);
    if (!doc) throw new Error('no visit counters');
    await db
      .collection(COLLECTIONS.visitCounters)
      .doc(doc._id)
      .update({ 'total.stationVisits': db.command.inc(5) });
    expect((await repairVisitCounters(db, { write: false })).differing).toEqual([doc._id]);
    expect((await repairVisitCounters(db, { write: true })).differing).toEqual([doc._id]);
    expect((await repairVisitCounters(db, { write: false })).differing).toEqual([]);
    await compareWithRecount();
  });

  test('a store made before the visit counters: the repair writes them, and the functions keep them from there', async () => {
    const db = database(t);
    const _ = db.command;
    for (const doc of await readAll<VisitCounterDocument>(COLLECTIONS.visitCounters)) await db.collection(COLLECTIONS.visitCounters).doc(doc._id).remove();
    await db
      .collection(COLLECTIONS.receptionDays)
      .where({ stationId: _.in(Object.keys(STATIONS).concat('st-qingshi')) })
      .update({ visited: _.remove(), visitsCounted: _.remove(), visitsMark: _.remove(), visitsStale: _.remove() });
    expect((await repairVisitCounters(db, { write: false })).differing.length).toBeGreaterThan(0);
    await repairVisitCounters(db, { write: true });
    await compareFigures();
    await playDay('st-beishan', generator(7));
    await compareFigures();
    await compareWithRecount();
  }, 120_000);
});
