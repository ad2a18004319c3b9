/**
 * `npm run seed -- --scale city`: a city's worth of data (runtime/seed/city/cityData.ts), written
 * straight through the runtime's database layer in batches of a thousand documents — the same
 * insert path an SDK `add([...])` takes, without an HTTP round trip per batch. Same seed, same city.
 */
import { COLLECTIONS } from '../../../infra/database';
import type { DatabaseEngine } from '../../database';
import { stringifyEjson } from '../../database/ejson';
import { cityDeputies, cityPlaces, cityResidentAccounts, citySize, cityStaffAccounts, type CitySize } from './cityData';
import { cityOpinions, newCounters } from './cityCases';
import { cityVisits } from './cityVisits';
import { CaseRecount } from '../../repair/caseCounters';
import { VisitRecount } from '../../repair/visitCounters';
import { Random } from './random';

export const CITY_RANDOM_SEED = 20_261_202;
const BATCH = 1000;

export interface CitySeedReport {
  size: CitySize;
  counts: Record<string, number>;
  seconds: number;
}

async function insert(database: DatabaseEngine, collectionName: string, docs: readonly object[], counts: Record<string, number>): Promise<void> {
  for (let start = 0; start < docs.length; start += BATCH) {
    const data = docs.slice(start, start + BATCH).map((doc) => stringifyEjson(doc));
    const answer = await database.handle({ action: 'database.insertDocument', collectionName, data });
    if (answer.code) throw new Error(`seeding ${collectionName}: ${String(answer.code)} ${String(answer.message)}`);
    counts[collectionName] = (counts[collectionName] ?? 0) + data.length;
  }
}

/** Seeds the city into an empty database; `fraction` scales people, cases and bookings (1 = the whole city). */
export async function seedCity(database: DatabaseEngine, now: Date, options: { fraction?: number; log?: (line: string) => void } = {}): Promise<CitySeedReport> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const size = citySize(options.fraction ?? 1);
  const random = new Random(CITY_RANDOM_SEED);
  const counts: Record<string, number> = {};
  const places = cityPlaces(size, random);
  const deputies = cityDeputies(size, places.stations, random);
  await insert(database, COLLECTIONS.areas, places.areas, counts);
  await insert(database, COLLECTIONS.stations, places.stations, counts);
  await insert(database, COLLECTIONS.deputies, deputies, counts);
  await insert(database, COLLECTIONS.departments, places.departments, counts);
  await insert(database, COLLECTIONS.accounts, cityStaffAccounts(places, now), counts);
  for (const batch of cityResidentAccounts(size, deputies, now, BATCH)) await insert(database, COLLECTIONS.accounts, batch, counts);
  log(`accounts ${counts[COLLECTIONS.accounts]}`);

  const counters = newCounters();
  const recount = new CaseRecount(now);
  for (const batch of cityOpinions(size, places, deputies, now, BATCH, random, counters)) {
    await insert(
      database,
      COLLECTIONS.opinions,
      batch.map((doc) => recount.count(doc)),
      counts,
    );
    if ((counts[COLLECTIONS.opinions] ?? 0) % 50_000 === 0) log(`opinions ${counts[COLLECTIONS.opinions]}`);
  }
  await insert(
    database,
    COLLECTIONS.counters,
    [...counters.taken].map(([_id, value]) => ({ _id, value })),
    counts,
  );
  await insert(database, COLLECTIONS.caseCounters, recount.documents(), counts);

  const visits = cityVisits(size, places.stations, deputies, now, random);
  const visitRecount = new VisitRecount();
  visitRecount.addBookings(visits.bookings);
  visitRecount.addRecords(visits.records);
  await insert(
    database,
    COLLECTIONS.receptionDays,
    visits.days.map((day) => visitRecount.count(day)),
    counts,
  );
  await insert(database, COLLECTIONS.visitCounters, visitRecount.documents(), counts);
  await insert(database, COLLECTIONS.bookings, visits.bookings, counts);
  await insert(database, COLLECTIONS.receptionRecords, visits.records, counts);
  return { size, counts, seconds: (performance.now() - started) / 1000 };
}
