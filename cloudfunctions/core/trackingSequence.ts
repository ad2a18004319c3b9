import { randomBytes } from 'node:crypto';
import { COLLECTIONS } from '../../infra/database';
import type { Database } from './cloud';
import { isDuplicateWrite } from './databaseErrors';

interface CounterDocument {
  _id: string;
  /** Numbers handed out before the counter took claims (seeds, older versions): claims count on from here. */
  value?: number;
  /** Every claim in the order the database applied them: a claim's position is its number. */
  claims?: string[];
}

/** The counter of one station's opinions on one Shanghai calendar day. */
export function dailyCounterId(stationCode: string, date: string): string {
  return `opinion-${stationCode}-${date}`;
}

/**
 * The next number of a counter, without contention: the caller appends random claim tokens to
 * the counter with one unconditional `_.push` (atomic in the database, so concurrent callers are
 * serialised by it and none is refused), then reads the counter back; the position of its first
 * token is its number. Numbers are unique and in order; none is lost to a race. The first caller
 * of the day creates the counter (a duplicate create is fine). `count` numbers in a row are taken
 * at once (the first is answered). Two database requests on an existing counter.
 */
export async function nextSequence(db: Database, counterId: string, now: Date, count = 1): Promise<number> {
  const counters = db.collection(COLLECTIONS.counters);
  const tokens = Array.from({ length: count }, () => randomBytes(9).toString('base64url'));
  let { updated } = await counters.where({ _id: counterId }).update({ claims: db.command.push(tokens), updatedAt: now });
  if (updated !== 1) {
    try {
      await counters.add({ _id: counterId, claims: [], createdAt: now, updatedAt: now });
    } catch (error) {
      if (!isDuplicateWrite(error)) throw error;
    }
    ({ updated } = await counters.where({ _id: counterId }).update({ claims: db.command.push(tokens), updatedAt: now }));
    if (updated !== 1) throw new Error(`counter ${counterId}: claim not recorded`);
  }
  const { data } = await counters.where({ _id: counterId }).limit(1).get();
  const counter = (data as CounterDocument[])[0];
  const position = counter?.claims?.indexOf(tokens[0]!) ?? -1;
  if (position < 0) throw new Error(`counter ${counterId}: claim not found`);
  return (counter?.value ?? 0) + position + 1;
}
