import type { DeputyPlace } from '../../cloudfunctions/duty/access';
import { chooseTurn, deputiesPerFiring, stillDue, type PublishedTotal } from '../../cloudfunctions/duty/publishingTurn';

/** Whose 亮分 one duty-timer firing works out: whole stations, oldest figures first, a share of the city. */
const station = (id: string) => ({ _id: id, name: id, code: id, areaPath: ['city', 'area'] });
const deputy = (id: string, stationId?: string): DeputyPlace => ({
  deputyId: id,
  name: id,
  stationIds: stationId ? [stationId] : [],
  stations: stationId ? [station(stationId)] : [],
  areaPath: stationId ? ['city', 'area'] : [],
});
const publishedAt = (subjectId: string, at: string, extra: Partial<PublishedTotal> = {}): [string, PublishedTotal] => [
  subjectId,
  { subjectId, year: 2026, total: 10, asOf: at.slice(0, 10), computedAt: new Date(`${at}T00:00:00+08:00`), ...extra },
];

test('a firing takes at least 200 deputies and a twentieth of a city, so everyone is worked out within a day', () => {
  expect(deputiesPerFiring(30)).toBe(200);
  expect(deputiesPerFiring(5000)).toBe(250);
  expect(deputiesPerFiring(5001)).toBe(251);
});

test("the demo's few deputies are all worked out at every firing", () => {
  const deputies = [deputy('a', 's1'), deputy('b', 's1'), deputy('c', 's2'), deputy('d')];
  expect(
    chooseTurn(deputies, new Map(), 2026)
      .map((d) => d.deputyId)
      .sort(),
  ).toEqual(['a', 'b', 'c', 'd']);
});

test('the never-published, those of another year or without a total come first, then the oldest; a station moves whole', () => {
  // 2,200 stations of two deputies each: the share is a twentieth, 220 deputies, so 110 stations a firing.
  const id = (i: number) => `d${String(i).padStart(4, '0')}`;
  const deputies = Array.from({ length: 4400 }, (_, i) => deputy(id(i), `s${String(Math.floor(i / 2)).padStart(4, '0')}`));
  const published = new Map(deputies.map((d, i) => publishedAt(d.deputyId, i < 2000 ? '2026-12-01' : '2026-12-02')));
  published.set(id(1999), { ...published.get(id(1999))!, computedAt: new Date('2026-11-01T00:00:00+08:00') });
  published.delete(id(4001));
  published.set(id(3000), publishedAt(id(3000), '2026-12-02', { year: 2025 })[1]);
  published.set(id(2001), publishedAt(id(2001), '2026-12-02', { total: undefined })[1]);
  const turn = chooseTurn(deputies, published, 2026).map((d) => d.deputyId);
  expect(turn).toHaveLength(220);
  // Due first (in station order among equals), then the station whose deputy is oldest, then by age and station.
  expect(turn.slice(0, 10)).toEqual([id(2000), id(2001), id(3000), id(3001), id(4000), id(4001), id(1998), id(1999), id(0), id(1)]);
  expect(turn.at(-1)).toBe(id(211));
  // Every station is whole in the turn.
  for (const one of turn) expect(turn).toContain(id(Number(one.slice(1)) ^ 1));
});

test('a station larger than the share is still taken whole, and a firing takes at least one', () => {
  const deputies = Array.from({ length: 300 }, (_, i) => deputy(`d${i}`, 'big'));
  expect(chooseTurn(deputies, new Map(), 2026)).toHaveLength(300);
});

test('what is still due after a firing: not worked out today, outside the turn', () => {
  const deputies = [deputy('a', 's1'), deputy('b', 's2'), deputy('c', 's3')];
  const published = new Map([publishedAt('a', '2026-12-02'), publishedAt('b', '2026-12-01')]);
  expect(stillDue(deputies, published, new Set(), 2026, '2026-12-02')).toBe(2);
  expect(stillDue(deputies, published, new Set(['c']), 2026, '2026-12-02')).toBe(1);
});
