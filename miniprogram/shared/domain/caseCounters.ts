/**
 * Case figures kept as counters while cases change, so that statistics read a handful of counter
 * documents instead of every case of a place.
 *
 * Every case contributes to the counters of each place it belongs to (its station, every area of
 * its path, each deputy it names, and each such deputy within the station and each area, for staff
 * who see a deputy only within their own scope), in the month it was submitted, both to the
 * month's total and to its day. What a case contributes is what FIGURE_PREDICATES say of it at the
 * moment it is counted; the case keeps a copy (`counted`), so a later change moves the counters by
 * exactly the difference, and a full recount (the repair) gives the same numbers.
 *
 * Each station and area also has one document of its work queues' sizes (`<place>|queues`, no
 * month: a case counts in the queue it stands in now, whenever it was submitted; shared/domain/
 * caseQueues.ts), moved by the same settling, so staff tabs read a count instead of counting.
 *
 * Only 逾期 depends on the clock, in the statistics (a stage finished late, or the running deadline
 * past) and in the work queue (the running deadline past): a deadline that passes turns a case
 * overdue without any change to the case. The case therefore keeps, whenever its running deadline
 * has not passed when counted, the instant it will (`countedOverdueAt`); the hourly timer settles
 * the cases whose instant has passed, and until then readers add them: the 逾期 queue every such
 * case (counted out of it, since its deadline was running), the statistics only those counted with
 * 逾期 0 (a case already counted overdue for an earlier late stage stays 1). One instant serves both,
 * so a case late once still enters the queue when its next deadline passes.
 */
import { COUNTED_QUEUES, queuesOf, runningDeadlinePassed, type QueuedCase, type QueueValues } from './caseQueues';
import { CASE_FIGURES, FIGURE_PREDICATES, type CasePredicate } from './caseStats';
import { addDays, shanghaiDate } from './time';

export const COUNTER_VALUES = [...CASE_FIGURES, 'firstResponseMs'] as const;
export type CounterValue = (typeof COUNTER_VALUES)[number];
export type CounterValues = Record<CounterValue, number>;

/** What the counters hold of one case: the places, the day it was submitted and its values. */
export interface CaseCount {
  keys: string[];
  /** Shanghai date of submission, YYYY-MM-DD. */
  day: string;
  values: CounterValues;
  /** The work queues it stands in, counted for its station and areas; absent on cases counted before queues were. */
  queues?: QueueValues;
}

/** The fields of a case the counters read. */
export interface CountableCase extends QueuedCase {
  _id: string;
  createdAt: Date | string;
  stationId: string;
  areaPath: string[];
  deputyId?: string | null;
  reply?: { deputyId?: string | null } | null;
  forward?: { deputyId?: string | null } | null;
  acceptedAt?: Date | string | null;
}

/** The case fields statistics counters depend on: a read for settling needs only these. */
export const COUNTED_FIELDS = [
  '_id',
  'createdAt',
  'stationId',
  'areaPath',
  'deputyId',
  'reply',
  'forward',
  'acceptedAt',
  'resolvedAt',
  'outcome',
  'rating',
  'followUp',
  'lateStages',
  'deadline',
  'urgeCount',
  'status',
  'referralOpen',
  'moderation.state',
  'counted',
  'countedOverdueAt',
  'countedVersion',
  'countsStale',
  'updatedAt',
] as const;

/** The counter key of a place. A deputy seen within a station's or area's scope has its own key. */
export const counterKey = {
  area: (areaId: string) => `area:${areaId}`,
  station: (stationId: string) => `station:${stationId}`,
  deputy: (deputyId: string, within?: { areaId: string } | { stationId: string }) =>
    !within ? `deputy:${deputyId}` : 'areaId' in within ? `deputy:${deputyId}@area:${within.areaId}` : `deputy:${deputyId}@station:${within.stationId}`,
};

function fieldValue(doc: object, path: string): unknown {
  let value: unknown = doc;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

const time = (value: unknown): number => (value instanceof Date ? value.getTime() : new Date(value as string).getTime());

/** Whether a figure's predicate holds of a case at `now` (the same rule the aggregation in casework/figures.ts applies). */
export function predicateHolds(predicate: CasePredicate, doc: object, now: Date): boolean {
  const value = fieldValue(doc, 'field' in predicate ? predicate.field : '');
  switch (predicate.kind) {
    case 'all':
      return true;
    case 'set':
      return value !== null && value !== undefined;
    case 'in':
      return predicate.values.includes(value as string);
    case 'nonEmpty':
      return Array.isArray(value) && value.length > 0;
    case 'pastDue':
      return value !== null && value !== undefined && time(value) < now.getTime();
    case 'positive':
      return typeof value === 'number' && value > 0;
    case 'or':
      return predicate.of.some((inner) => predicateHolds(inner, doc, now));
  }
}

/** The deputies a case counts for: the one it was left for, the one who answered, the one it was forwarded to. */
function deputiesOf(doc: CountableCase): string[] {
  const ids = [doc.deputyId, doc.reply?.deputyId, doc.forward?.deputyId].filter((id): id is string => typeof id === 'string' && id.length > 0);
  return [...new Set(ids)];
}

export function counterKeysOf(doc: CountableCase): string[] {
  const keys = [counterKey.station(doc.stationId), ...doc.areaPath.map(counterKey.area)];
  for (const deputyId of deputiesOf(doc)) {
    keys.push(counterKey.deputy(deputyId), counterKey.deputy(deputyId, { stationId: doc.stationId }));
    for (const areaId of doc.areaPath) keys.push(counterKey.deputy(deputyId, { areaId }));
  }
  return keys;
}

/**
 * What a case contributes at `now`, and the instant its running deadline passes if it has not yet
 * (null: no running deadline, or past already), whatever its statistics' 逾期: the queue needs it.
 */
export function caseCount(doc: CountableCase, now: Date): { count: CaseCount; overdueAt: Date | null } {
  const values = Object.fromEntries(COUNTER_VALUES.map((name) => [name, 0])) as CounterValues;
  for (const figure of CASE_FIGURES) values[figure] = predicateHolds(FIGURE_PREDICATES[figure], doc, now) ? 1 : 0;
  if (values.accepted && doc.acceptedAt) values.firstResponseMs = time(doc.acceptedAt) - time(doc.createdAt);
  const dueAt = doc.deadline?.dueAt;
  const overdueAt = dueAt && !runningDeadlinePassed(doc, now) ? new Date(time(dueAt)) : null;
  const created = doc.createdAt instanceof Date ? doc.createdAt : new Date(doc.createdAt);
  return { count: { keys: counterKeysOf(doc), day: shanghaiDate(created), values, queues: queuesOf(doc, now) }, overdueAt };
}

export function sameCount(a: CaseCount | null | undefined, b: CaseCount | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  const sameQueues = COUNTED_QUEUES.every((queue) => (a.queues?.[queue] ?? 0) === (b.queues?.[queue] ?? 0)) && !a.queues === !b.queues;
  return a.day === b.day && a.keys.join('|') === b.keys.join('|') && sameQueues && COUNTER_VALUES.every((name) => a.values[name] === b.values[name]);
}

/** The month field of a place's queue document: it holds sizes now, not a month's figures. */
export const QUEUES_MONTH = 'queues';

/** The places whose queues staff read: stations and areas (a deputy's inbox counts its own few cases). */
export const hasQueues = (key: string): boolean => key.startsWith('station:') || key.startsWith('area:');

/** A counter document: one place, one month; totals of the month and of each day (`d01` … `d31`). */
export interface CounterDocument {
  _id: string;
  key: string;
  /** YYYY-MM */
  month: string;
  total?: Partial<CounterValues & QueueValues>;
  days?: Record<string, Partial<CounterValues>>;
}

export function counterId(key: string, month: string): string {
  return `${key}|${month}`;
}

export const dayField = (day: string): string => `d${day.slice(8, 10)}`;

/** A group of counter documents moved alike: by month and day (null: a queue document, no days). */
export interface CounterMove {
  ids: string[];
  month: string;
  day: string | null;
  by: Partial<CounterValues & QueueValues>;
}

/**
 * How the counters move when a case's count goes from `before` to `after`: groups of counter ids
 * (all of the same month) and the amounts each gets, nothing for places whose values do not change.
 */
export function counterMoves(before: CaseCount | null | undefined, after: CaseCount | null): CounterMove[] {
  const moves = new Map<string, CounterMove>();
  const add = (count: CaseCount, sign: 1 | -1) => {
    for (const key of count.keys) {
      const id = counterId(key, count.day.slice(0, 7));
      const entry = moves.get(id) ?? { ids: [id], month: count.day.slice(0, 7), day: count.day, by: {} };
      for (const name of COUNTER_VALUES) entry.by[name] = (entry.by[name] ?? 0) + sign * count.values[name];
      moves.set(id, entry);
      const { queues } = count;
      if (!queues || !hasQueues(key)) continue;
      const queueId = counterId(key, QUEUES_MONTH);
      const queued = moves.get(queueId) ?? { ids: [queueId], month: QUEUES_MONTH, day: null, by: {} };
      for (const queue of COUNTED_QUEUES) queued.by[queue] = (queued.by[queue] ?? 0) + sign * queues[queue];
      moves.set(queueId, queued);
    }
  };
  if (before) add(before, -1);
  if (after) add(after, 1);
  // Places that move by the same amounts on the same day are written together.
  const grouped = new Map<string, CounterMove>();
  for (const [id, entry] of moves) {
    const by = Object.fromEntries(Object.entries(entry.by).filter(([, n]) => n !== 0)) as CounterMove['by'];
    if (Object.keys(by).length === 0) continue;
    const signature = `${entry.month}|${entry.day}|${JSON.stringify(by)}`;
    const group = grouped.get(signature);
    if (group) group.ids.push(id);
    else grouped.set(signature, { ids: [id], month: entry.month, day: entry.day, by });
  }
  return [...grouped.values()];
}

/** The months a range of dates touches, each with the days of it the range covers (null: the whole month). */
export function rangeMonths(from: string, to: string): Array<{ month: string; days: string[] | null }> {
  const months: Array<{ month: string; days: string[] | null }> = [];
  let cursor = from;
  while (cursor <= to) {
    const month = cursor.slice(0, 7);
    const first = `${month}-01`;
    let last = first;
    while (addDays(last, 1).slice(0, 7) === month) last = addDays(last, 1);
    if (cursor === first && last <= to) {
      months.push({ month, days: null });
    } else {
      const days: string[] = [];
      for (let day = cursor; day <= to && day.slice(0, 7) === month; day = addDays(day, 1)) days.push(day);
      months.push({ month, days });
    }
    cursor = addDays(last, 1);
  }
  return months;
}

/** The ids of the counter documents a place's figures over a range read. */
export function counterIdsFor(key: string, from: string, to: string): string[] {
  return rangeMonths(from, to).map(({ month }) => counterId(key, month));
}

/** A place's values over a range, summed from its counter documents (missing documents count zero). */
export function sumCounters(docs: readonly CounterDocument[], key: string, from: string, to: string): CounterValues {
  const byId = new Map(docs.map((doc) => [doc._id, doc]));
  const sum = Object.fromEntries(COUNTER_VALUES.map((name) => [name, 0])) as CounterValues;
  for (const { month, days } of rangeMonths(from, to)) {
    const doc = byId.get(counterId(key, month));
    if (!doc) continue;
    const parts = days ? days.map((day) => doc.days?.[dayField(day)] ?? {}) : [doc.total ?? {}];
    for (const part of parts) for (const name of COUNTER_VALUES) sum[name] += part[name] ?? 0;
  }
  return sum;
}
