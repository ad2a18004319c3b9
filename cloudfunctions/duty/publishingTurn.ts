import type { DeputyPlace } from './access';

/** What the duty timer reads of a deputy's published figures to choose whose turn it is and to rank. */
export interface PublishedTotal {
  subjectId: string;
  year: number;
  /** The year's points total published with the figures; absent on documents written before totals were. */
  total?: number;
  /** The Shanghai date they were worked out on. */
  asOf: string;
  computedAt: Date | string;
}

/** A published document that counts for `year`'s turns: of that year, and with its total kept. */
function ofThisYear(doc: PublishedTotal | undefined, year: number): PublishedTotal | undefined {
  return doc && doc.year === year && doc.total !== undefined ? doc : undefined;
}

/** However small the city, a firing works out this many deputies (the demo's all of them). */
export const MIN_DEPUTIES_PER_FIRING = 200;
/** A firing takes at least this share of the deputies, so that every one is worked out within a day of hourly firings. */
export const FIRINGS_PER_ROUND = 20;

export function deputiesPerFiring(activeDeputies: number): number {
  return Math.max(MIN_DEPUTIES_PER_FIRING, Math.ceil(activeDeputies / FIRINGS_PER_ROUND));
}

/**
 * The deputies whose figures this firing works out: whole stations at a time (the deputies ranked
 * against each other move together, so a station's ranking is never half old, half new), the
 * stations whose figures are oldest first — never published, published another year or before
 * totals were kept, then by when they were worked out — until the firing's share is reached. A
 * deputy without a station is a turn of their own. Pure: the timer reads, this chooses.
 */
export function chooseTurn(deputies: readonly DeputyPlace[], published: ReadonlyMap<string, PublishedTotal>, year: number): DeputyPlace[] {
  const groups = new Map<string, DeputyPlace[]>();
  for (const deputy of deputies) {
    const key = deputy.stations[0] ? `station|${deputy.stations[0]._id}` : `deputy|${deputy.deputyId}`;
    const group = groups.get(key);
    if (group) group.push(deputy);
    else groups.set(key, [deputy]);
  }
  const age = (deputy: DeputyPlace): number => {
    const doc = ofThisYear(published.get(deputy.deputyId), year);
    return doc ? new Date(doc.computedAt).getTime() : -Infinity;
  };
  const oldest = [...groups.entries()].map(([key, members]) => ({ key, members, age: Math.min(...members.map(age)) }));
  oldest.sort((a, b) => a.age - b.age || a.key.localeCompare(b.key));
  const share = deputiesPerFiring(deputies.length);
  const turn: DeputyPlace[] = [];
  for (const group of oldest) {
    if (turn.length >= share) break;
    turn.push(...group.members);
  }
  return turn;
}

/** Deputies whose figures were not worked out on `today` (Shanghai date) after this firing. */
export function stillDue(deputies: readonly DeputyPlace[], published: ReadonlyMap<string, PublishedTotal>, done: ReadonlySet<string>, year: number, today: string): number {
  return deputies.filter((deputy) => {
    if (done.has(deputy.deputyId)) return false;
    return ofThisYear(published.get(deputy.deputyId), year)?.asOf !== today;
  }).length;
}
