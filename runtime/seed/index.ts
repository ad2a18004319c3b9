import tcb from '@cloudbase/node-sdk';
import { COLLECTIONS } from '../../infra/database';
import type { CountableCase } from '../../miniprogram/shared/domain/caseCounters';
import { shanghaiDate } from '../../miniprogram/shared/domain/time';
import { CaseRecount } from '../repair/caseCounters';
import { VisitRecount } from '../repair/visitCounters';
import { DEMO_AREAS, DEMO_DEPUTIES, DEMO_STAFF_ACCOUNTS, DEMO_STATIONS, demoReceptionDays } from './demoData';
import { demoCaseworkBatches } from './demoCasework';
import { demoDutyBatches } from './demoDuty';
import { demoOpinionBatches } from './demoOpinions';
import { demoProjectBatches } from './demoProjects';
import { demoSuggestionBatches } from './demoSuggestions';

export interface SeedReport {
  seeded: boolean;
  counts: Record<string, number>;
}

/**
 * Writes the demo data through @cloudbase/node-sdk, the same path the functions use, when the
 * database is empty. Expects the SDK environment to point at a running local runtime. Everything
 * is placed relative to `now` (the runtime clock's reading): reception days ahead of it, cases
 * behind it.
 */
export async function seedIfEmpty(envId: string, now: Date): Promise<SeedReport> {
  const db = tcb.init({ env: envId }).database();
  // Any top-level area means the store is seeded (a query on an index: parentId_1).
  const { data: roots } = await db.collection(COLLECTIONS.areas).where({ parentId: null }).limit(1).get();
  if (roots.length > 0) return { seeded: false, counts: {} };

  const batches: Array<[string, object[]]> = [
    [COLLECTIONS.areas, DEMO_AREAS],
    [COLLECTIONS.stations, DEMO_STATIONS],
    [COLLECTIONS.deputies, DEMO_DEPUTIES],
    [COLLECTIONS.receptionDays, demoReceptionDays(shanghaiDate(now))],
    [COLLECTIONS.accounts, DEMO_STAFF_ACCOUNTS.map((account) => ({ ...account, createdAt: now }))],
    ...demoOpinionBatches(now),
    ...demoCaseworkBatches(now),
    ...demoSuggestionBatches(now),
    ...demoProjectBatches(now),
    ...demoDutyBatches(now),
  ];
  // The statistics counters of the seeded cases, as the functions would have kept them.
  const recount = new CaseRecount(now);
  for (const [collection, docs] of batches) if (collection === COLLECTIONS.opinions) for (const doc of docs) recount.count(doc as CountableCase);
  batches.push([COLLECTIONS.caseCounters, recount.documents()]);
  // And the visit counters of the seeded reception days, bookings and records.
  const visits = new VisitRecount();
  const of = (collection: string) => batches.filter(([name]) => name === collection).flatMap(([, docs]) => docs);
  visits.addBookings(of(COLLECTIONS.bookings) as Parameters<VisitRecount['addBookings']>[0]);
  visits.addRecords(of(COLLECTIONS.receptionRecords) as Parameters<VisitRecount['addRecords']>[0]);
  for (const day of of(COLLECTIONS.receptionDays)) visits.count(day as Parameters<VisitRecount['count']>[0]);
  batches.push([COLLECTIONS.visitCounters, visits.documents()]);
  const counts: Record<string, number> = {};
  for (const [collection, docs] of batches) {
    if (docs.length === 0) continue;
    await db.collection(collection).add(docs);
    counts[collection] = (counts[collection] ?? 0) + docs.length;
  }
  return { seeded: true, counts };
}
