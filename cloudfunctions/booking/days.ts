import { COLLECTIONS } from '../../infra/database';
import { slotsFor, SCHEDULE_HORIZON_MONTHS, type ReceptionRule } from '../../miniprogram/shared/domain/reception';
import type { IsWorkingDay } from '../../miniprogram/shared/domain/holidays';
import { horizon, scheduledDates, type ScheduledDate } from '../../miniprogram/shared/domain/schedule';
import type { Database } from '../core/cloud';
import { isDuplicateWrite } from '../core/databaseErrors';
import type { DayDocument, StationRef } from '../../infra/documents/booking';

type DayShape = Pick<ReceptionRule, 'windows' | 'slotMinutes' | 'seatsPerSlot' | 'deputyIds'>;

export function dayIdFor(station: Pick<StationRef, 'code'>, date: string): string {
  return `rd-${station.code}-${date}`;
}

export function newDay(station: StationRef, shape: DayShape, scheduled: ScheduledDate, source: DayDocument['source'], now: Date): DayDocument {
  return {
    _id: dayIdFor(station, scheduled.date),
    stationId: station._id,
    stationCode: station.code,
    stationName: station.name,
    stationAddress: station.address,
    areaPath: station.areaPath,
    date: scheduled.date,
    nominalDate: scheduled.nominalDate,
    windows: shape.windows,
    deputyIds: shape.deputyIds,
    cancelled: false,
    slotMinutes: shape.slotMinutes,
    slots: slotsFor(shape.windows, shape.slotMinutes, shape.seatsPerSlot),
    taken: 0,
    epoch: 0,
    source,
    createdAt: now,
  };
}

/** The days a rule gives a station from `today` over the scheduling horizon. */
export function plannedDays(station: StationRef, rule: ReceptionRule, today: string, now: Date, workingDay: IsWorkingDay): DayDocument[] {
  return scheduledDates(rule.pattern, horizon(today, SCHEDULE_HORIZON_MONTHS), workingDay).map((scheduled) => newDay(station, rule, scheduled, 'rule', now));
}

function sameShape(a: Pick<DayDocument, 'nominalDate' | 'slots'>, b: Pick<DayDocument, 'nominalDate' | 'slots'>): boolean {
  return a.nominalDate === b.nominalDate && JSON.stringify(a.slots) === JSON.stringify(b.slots);
}

/** A generated day nobody booked: a rule change may remove or regenerate it. Staff-added and cancelled days stay. */
function replaceable(day: DayDocument): boolean {
  return day.source === 'rule' && !day.cancelled && day.taken === 0;
}

/**
 * What a rule change does to a station's upcoming days: days the rule now gives are added;
 * untouched generated days it no longer gives, or gives with other slots, are removed (and
 * regenerated, keeping their roster). Days with bookings are never touched.
 */
export function reconcileDays(existing: readonly DayDocument[], planned: readonly DayDocument[]): { remove: string[]; insert: DayDocument[] } {
  const byDate = new Map(existing.map((day) => [day.date, day]));
  const plannedDates = new Set(planned.map((day) => day.date));
  const remove = existing.filter((day) => replaceable(day) && !plannedDates.has(day.date)).map((day) => day._id);
  const insert: DayDocument[] = [];
  for (const day of planned) {
    const current = byDate.get(day.date);
    if (!current) insert.push(day);
    else if (replaceable(current) && !sameShape(current, day)) {
      remove.push(current._id);
      insert.push({ ...day, deputyIds: current.deputyIds.length > 0 ? current.deputyIds : day.deputyIds });
    }
  }
  return { remove, insert };
}

/**
 * Carries out what `reconcileDays` decided: removes the days to remove that are still untouched (a
 * booking that arrived meanwhile keeps its day), then inserts the new ones. Answers the counts.
 */
export async function applyDayChanges(db: Database, changes: { remove: readonly string[]; insert: readonly DayDocument[] }): Promise<{ removed: number; created: number }> {
  let removed = 0;
  if (changes.remove.length > 0) {
    const { deleted } = await db
      .collection(COLLECTIONS.receptionDays)
      // A day someone checked in or walked in on stays too: its visits are counted (core/visitCounters.ts).
      .where({ _id: db.command.in([...changes.remove]), taken: 0, cancelled: false, source: 'rule', visited: db.command.neq(true) })
      .remove();
    removed = Number(deleted ?? 0);
  }
  return { removed, created: await insertDays(db, changes.insert) };
}

/**
 * Inserts the days in one request; when one of them already exists (another run got there
 * first: the unique index on stationId + date refuses it) the rest are inserted one by one.
 * Answers how many were added.
 */
export async function insertDays(db: Database, days: readonly DayDocument[]): Promise<number> {
  if (days.length === 0) return 0;
  const collection = db.collection(COLLECTIONS.receptionDays);
  try {
    await collection.add([...days]);
    return days.length;
  } catch (error) {
    if (!isDuplicateWrite(error)) throw error;
  }
  let added = 0;
  for (const day of days) {
    try {
      await collection.add(day);
      added += 1;
    } catch (error) {
      if (!isDuplicateWrite(error)) throw error;
    }
  }
  return added;
}

/** A station's days from `from` until `until` (exclusive), by date. */
export async function daysBetween(db: Database, stationIds: readonly string[], range: { from: string; until: string }): Promise<DayDocument[]> {
  const _ = db.command;
  const { data } = await db
    .collection(COLLECTIONS.receptionDays)
    .where({ stationId: _.in([...stationIds]), date: _.gte(range.from).and(_.lt(range.until)) })
    .orderBy('date', 'asc')
    .limit(1000)
    .get();
  return data as DayDocument[];
}
