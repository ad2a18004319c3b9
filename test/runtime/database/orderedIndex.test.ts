/**
 * Ordered indexes (runtime/database/orderedIndex.ts) change how much a query reads, never what it
 * answers: sorted pages read in index order and ranges on an indexed field return exactly what a
 * full scan sorted by MongoDB's rules returns, through inserts, updates and removals.
 */
import { index, type CollectionSpec } from '../../../infra/database';
import { compareIndexValues, readRange } from '../../../runtime/database/orderedIndex';
import { useHarness } from './sdk-harness';

const SCHEMA: CollectionSpec[] = [
  {
    name: 'cases',
    indexes: [index('areaPath', 'createdAt'), index('dueAt'), index('status')],
    rule: { read: false, write: false },
  },
];

interface Case {
  _id: string;
  areaPath: string[];
  createdAt: Date;
  dueAt?: Date;
  status: string;
}

const TOTAL = 3_000;
const STATUSES = ['received', 'accepted', 'assigned', 'closed'];
const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 1);

/** A fixed pseudo-random sequence, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function makeCases(): Case[] {
  const next = random(7);
  return Array.from({ length: TOTAL }, (_, i) => {
    const district = `d${Math.floor(next() * 3)}`;
    const doc: Case = {
      _id: `c${String(i).padStart(5, '0')}`,
      areaPath: ['city', district, `${district}-s${Math.floor(next() * 4)}`],
      // Whole days: many cases share an instant, so ties at a page's edge are exercised.
      createdAt: new Date(START + Math.floor(next() * 200) * DAY),
      status: STATUSES[Math.floor(next() * STATUSES.length)] as string,
    };
    if (next() < 0.6) doc.dueAt = new Date(START + Math.floor(next() * 400) * DAY);
    return doc;
  });
}

const h = useHarness(SCHEMA, 'all');
let cases: Case[];
beforeAll(async () => {
  cases = makeCases();
  for (let at = 0; at < cases.length; at += 1_000) await h.db.collection('cases').add(cases.slice(at, at + 1_000));
}, 120_000);

const ids = (docs: Array<Record<string, unknown>>) => docs.map((doc) => doc._id);
const byCreated = (direction: 1 | -1) => (a: Case, b: Case) => direction * (a.createdAt.getTime() - b.createdAt.getTime()) || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0);

async function page(area: string, statuses: string[], direction: 1 | -1, skip: number, limit: number) {
  const _ = h.db.command;
  const { data } = await h.db
    .collection('cases')
    .where(_.and([{ areaPath: area }, { status: _.in(statuses) }]))
    .orderBy('createdAt', direction === 1 ? 'asc' : 'desc')
    .orderBy('_id', 'asc')
    .skip(skip)
    .limit(limit)
    .get();
  return ids(data);
}

function expectedPage(area: string, statuses: string[], direction: 1 | -1, skip: number, limit: number) {
  return cases
    .filter((c) => c.areaPath.includes(area) && statuses.includes(c.status))
    .sort(byCreated(direction))
    .slice(skip, skip + limit)
    .map((c) => c._id);
}

test('sorted pages of a whole city, oldest and newest first, equal a full sort (ties at the edges included)', async () => {
  for (const [statuses, direction, skip] of [
    [['received'], 1, 0],
    [['received', 'accepted'], -1, 0],
    [STATUSES, -1, 40],
    [['closed'], 1, 200],
  ] as Array<[string[], 1 | -1, number]>) {
    expect(await page('city', statuses, direction, skip, 20)).toEqual(expectedPage('city', statuses, direction, skip, 20));
  }
});

test('a range on an indexed date counts and lists what a scan finds, missing dates never inside it', async () => {
  const _ = h.db.command;
  const bound = new Date(START + 150 * DAY);
  const { total } = await h.db
    .collection('cases')
    .where({ dueAt: _.lte(bound) })
    .count();
  expect(total).toBe(cases.filter((c) => c.dueAt !== undefined && c.dueAt <= bound).length);
  const { data } = await h.db
    .collection('cases')
    .where({ dueAt: _.gt(new Date(START + 100 * DAY)).and(_.lt(bound)) })
    .orderBy('dueAt', 'asc')
    .orderBy('_id', 'asc')
    .limit(30)
    .get();
  const expected = cases
    .filter((c) => c.dueAt !== undefined && c.dueAt.getTime() > START + 100 * DAY && c.dueAt < bound)
    .sort((a, b) => (a.dueAt as Date).getTime() - (b.dueAt as Date).getTime() || (a._id < b._id ? -1 : 1))
    .slice(0, 30)
    .map((c) => c._id);
  expect(ids(data)).toEqual(expected);
});

test('the order follows updates and removals', async () => {
  const _ = h.db.command;
  const newest = new Date(START + 500 * DAY);
  const moved = cases.filter((c) => c.areaPath.includes('city')).slice(0, 5);
  for (const c of moved) {
    await h.db.collection('cases').doc(c._id).update({ createdAt: newest, dueAt: _.remove() });
    c.createdAt = newest;
    delete c.dueAt;
  }
  const removed = expectedPage('city', STATUSES, -1, 5, 3);
  await h.db
    .collection('cases')
    .where({ _id: _.in(removed) })
    .remove();
  cases = cases.filter((c) => !removed.includes(c._id));
  expect(await page('city', STATUSES, -1, 0, 20)).toEqual(expectedPage('city', STATUSES, -1, 0, 20));
  const bound = new Date(START + 150 * DAY);
  expect(
    (
      await h.db
        .collection('cases')
        .where({ dueAt: _.lte(bound) })
        .count()
    ).total,
  ).toBe(cases.filter((c) => c.dueAt !== undefined && c.dueAt <= bound).length);
});

test('index order is BSON order: null and missing, numbers, strings, then dates; ranges keep to one type', () => {
  const values = [new Date(5), 'b', 3, null, 'a', -1, true];
  expect([...values].sort(compareIndexValues)).toEqual([null, -1, 3, 'a', 'b', true, new Date(5)]);
  expect(readRange({ $gte: 1, $lt: 9 })).toEqual({ rank: 2, lower: { value: 1, inclusive: true }, upper: { value: 9, inclusive: false } });
  expect(readRange({ $gte: 1, $lt: 'z' })).toBeUndefined();
  expect(readRange({ $lt: 3, $ne: 2 })).toBeUndefined();
});
