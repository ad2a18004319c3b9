import { COLLECTIONS } from '../../infra/database';
import type { Database } from './cloud';
import { isDuplicateWrite } from './databaseErrors';

interface CounterDocument {
  _id: string;
  value: number;
}

const MAX_ATTEMPTS = 10;

/** The counter of one station's opinions on one Shanghai calendar day. */
export function dailyCounterId(stationCode: string, date: string): string {
  return `opinion-${stationCode}-${date}`;
}

/**
 * The next number of a counter, atomically: read it, then raise it only if nobody else did in
 * between (a conditional `_.inc`); the loser of a race reads again. The first caller of the day
 * creates the counter; if two create it at once, the unique _id refuses one, which reads again.
 * `count` numbers in a row are taken at once (the first is answered). Two database requests when
 * uncontended.
 */
export async function nextSequence(db: Database, counterId: string, now: Date, count = 1): Promise<number> {
  const counters = db.collection(COLLECTIONS.counters);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const { data } = await counters.where({ _id: counterId }).limit(1).get();
    const current = (data as CounterDocument[])[0];
    if (!current) {
      try {
        await counters.add({ _id: counterId, value: count, createdAt: now, updatedAt: now });
        return 1;
      } catch (error) {
        if (isDuplicateWrite(error)) continue;
        throw error;
      }
    }
    const { updated } = await counters.where({ _id: counterId, value: current.value }).update({ value: db.command.inc(count), updatedAt: now });
    if (updated === 1) return current.value + 1;
  }
  throw new Error(`counter ${counterId}: still contended after ${MAX_ATTEMPTS} attempts`);
}
