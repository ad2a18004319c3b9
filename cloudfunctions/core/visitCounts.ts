/**
 * Visit figures (进站人次, 接待人次) kept as counters while reception days fill, so that statistics
 * read a handful of counter documents instead of joining every reception day of a place with its
 * bookings and reception records (casework/figures.ts countVisits, the reference they must equal).
 *
 * The unit counted is the reception day: what it contributes depends on its date, station, areas
 * and roster, on how many of its bookings are checked in (walk-ins included) and on which deputies
 * each of its reception records names. A day counts, in its own Shanghai date, towards its station,
 * every area of its path, and each deputy on its roster, alone and within the station and each
 * area (the places statsTarget resolves to: casework/statsScope.ts, keys from caseCounters'
 * counterKey). Every day in the station's places counts all its check-ins and records; for a
 * deputy, the check-ins of the days they are on the roster of and the records among them that name
 * them. The day keeps what it was counted for (`visitsCounted`), so a change moves the counters by
 * exactly the difference, and a full recount (runtime/repair/visitCounters.ts) gives the same.
 * Pure: the I/O is core/visitCounters.ts.
 */
import { counterId, counterKey, dayField, rangeMonths } from '../../miniprogram/shared/domain/caseCounters';

export const VISIT_VALUES = ['stationVisits', 'residentsReceived'] as const;
export type VisitValue = (typeof VISIT_VALUES)[number];
export type VisitValues = Record<VisitValue, number>;

/** What the counters hold of one reception day: its date and, per place key, its values (places at zero left out). */
export interface VisitCount {
  /** Shanghai date of the day, YYYY-MM-DD. */
  date: string;
  values: Record<string, Partial<VisitValues>>;
}

/** The fields of a reception day its count reads. */
export interface CountableDay {
  _id: string;
  date: string;
  stationId: string;
  areaPath: readonly string[];
  deputyIds: readonly string[];
}

/** What was found on the day: its checked-in bookings and the deputies each reception record names. */
export interface DayVisits {
  checkedIn: number;
  recordDeputyIds: ReadonlyArray<readonly string[]>;
}

export const NO_VISITS: DayVisits = { checkedIn: 0, recordDeputyIds: [] };

/** What a reception day contributes to the visit counters. */
export function dayVisitCount(day: CountableDay, visits: DayVisits): VisitCount {
  const values: Record<string, Partial<VisitValues>> = {};
  const put = (key: string, stationVisits: number, residentsReceived: number) => {
    const entry: Partial<VisitValues> = {};
    if (stationVisits) entry.stationVisits = stationVisits;
    if (residentsReceived) entry.residentsReceived = residentsReceived;
    if (Object.keys(entry).length > 0) values[key] = entry;
  };
  const received = visits.recordDeputyIds.length;
  put(counterKey.station(day.stationId), visits.checkedIn, received);
  for (const areaId of day.areaPath) put(counterKey.area(areaId), visits.checkedIn, received);
  for (const deputyId of new Set(day.deputyIds)) {
    const theirs = visits.recordDeputyIds.filter((ids) => ids.includes(deputyId)).length;
    put(counterKey.deputy(deputyId), visits.checkedIn, theirs);
    put(counterKey.deputy(deputyId, { stationId: day.stationId }), visits.checkedIn, theirs);
    for (const areaId of day.areaPath) put(counterKey.deputy(deputyId, { areaId }), visits.checkedIn, theirs);
  }
  return { date: day.date, values };
}

export function sameVisitCount(a: VisitCount | null | undefined, b: VisitCount | null | undefined): boolean {
  const flat = (count: VisitCount | null | undefined) =>
    !count
      ? ''
      : JSON.stringify([
          count.date,
          Object.entries(count.values)
            .map(([key, v]) => [key, v.stationVisits ?? 0, v.residentsReceived ?? 0])
            .sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
        ]);
  const empty = (count: VisitCount | null | undefined) => !count || Object.keys(count.values).length === 0;
  return empty(a) && empty(b) ? true : flat(a) === flat(b);
}

/** A visit counter document: one place, one month; totals of the month and of each day (`d01` … `d31`). */
export interface VisitCounterDocument {
  _id: string;
  key: string;
  /** YYYY-MM */
  month: string;
  total?: Partial<VisitValues>;
  days?: Record<string, Partial<VisitValues>>;
}

/** Counter documents moved alike: one month and day, the same amounts. */
export interface VisitMove {
  ids: string[];
  month: string;
  day: string;
  by: Partial<VisitValues>;
}

/** How the counters move when a day's count goes from `before` to `after`, grouped by equal amounts. */
export function visitMoves(before: VisitCount | null | undefined, after: VisitCount | null): VisitMove[] {
  const amounts = new Map<string, { day: string; by: Partial<VisitValues> }>();
  const add = (count: VisitCount, sign: 1 | -1) => {
    for (const [key, values] of Object.entries(count.values)) {
      const id = counterId(key, count.date.slice(0, 7));
      // One day is counted in one counter document per place: a change of date moves it between documents.
      const slot = `${id}#${count.date}`;
      const entry = amounts.get(slot) ?? { day: count.date, by: {} };
      for (const name of VISIT_VALUES) entry.by[name] = (entry.by[name] ?? 0) + sign * (values[name] ?? 0);
      amounts.set(slot, entry);
    }
  };
  if (before) add(before, -1);
  if (after) add(after, 1);
  const grouped = new Map<string, VisitMove>();
  for (const [slot, { day, by }] of amounts) {
    const moving = Object.fromEntries(Object.entries(by).filter(([, n]) => n !== 0)) as Partial<VisitValues>;
    if (Object.keys(moving).length === 0) continue;
    const id = slot.slice(0, slot.lastIndexOf('#'));
    const signature = `${day}|${JSON.stringify(moving)}`;
    const group = grouped.get(signature);
    if (group) group.ids.push(id);
    else grouped.set(signature, { ids: [id], month: day.slice(0, 7), day, by: moving });
  }
  return [...grouped.values()];
}

/** Adds a day's count into counter documents held in memory (a full recount). */
export function addVisitsToCounters(counters: Map<string, VisitCounterDocument>, count: VisitCount): void {
  const month = count.date.slice(0, 7);
  for (const [key, values] of Object.entries(count.values)) {
    const id = counterId(key, month);
    const doc = counters.get(id) ?? { _id: id, key, month, total: {}, days: {} };
    counters.set(id, doc);
    const total = (doc.total ??= {});
    const day = ((doc.days ??= {})[dayField(count.date)] ??= {});
    for (const name of VISIT_VALUES) {
      const n = values[name] ?? 0;
      if (!n) continue;
      total[name] = (total[name] ?? 0) + n;
      day[name] = (day[name] ?? 0) + n;
    }
  }
}

/** A place's visit figures over a range of dates, summed from its counter documents (missing documents count zero). */
export function sumVisitCounters(docs: readonly VisitCounterDocument[], key: string, from: string, to: string): VisitValues {
  const byId = new Map(docs.map((doc) => [doc._id, doc]));
  const sum: VisitValues = { stationVisits: 0, residentsReceived: 0 };
  for (const { month, days } of rangeMonths(from, to)) {
    const doc = byId.get(counterId(key, month));
    const parts = !doc ? [] : days ? days.map((day) => doc.days?.[dayField(day)]) : [doc.total];
    for (const part of parts) for (const name of VISIT_VALUES) sum[name] += part?.[name] ?? 0;
  }
  return sum;
}
