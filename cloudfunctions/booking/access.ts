import { COLLECTIONS } from '../../infra/database';
import type { StaffScope } from '../../miniprogram/shared/domain/account';
import { DEFAULT_RECEPTION_RULE, type ReceptionRule } from '../../miniprogram/shared/domain/reception';
import { loadCaller, requireOpenid, requireStaff, scopeCovers, type Caller } from '../core/caller';
import type { Database } from '../core/cloud';
import { fail } from '../core/errors';
import type { CallContext } from '../core/handler';
import { STATION_REF_FIELDS, type DayDocument, type RuleDocument, type StationRef } from '../../infra/documents/booking';

export async function findStation(db: Database, stationId: string): Promise<StationRef | undefined> {
  const { data } = await db.collection(COLLECTIONS.stations).where({ _id: stationId }).limit(1).field(STATION_REF_FIELDS).get();
  return (data as StationRef[])[0];
}

export async function findRule(db: Database, stationId: string): Promise<RuleDocument | undefined> {
  const { data } = await db.collection(COLLECTIONS.receptionRules).where({ _id: stationId }).limit(1).get();
  return (data as RuleDocument[])[0];
}

export async function findDay(db: Database, dayId: string): Promise<DayDocument | undefined> {
  const { data } = await db.collection(COLLECTIONS.receptionDays).where({ _id: dayId }).limit(1).get();
  return (data as DayDocument[])[0];
}

/** The rule a station follows: its own, or the default (每月15日). */
export function ruleOf(document: RuleDocument | undefined): ReceptionRule {
  return document?.rule ?? DEFAULT_RECEPTION_RULE;
}

/** Staff whose scope covers the place, or AUTH.FORBIDDEN. */
export function requireStaffFor(caller: Caller, place: { areaPath: readonly string[]; stationId: string }): StaffScope {
  const scope = requireStaff(caller);
  if (!scopeCovers(scope, place)) fail('AUTH.FORBIDDEN');
  return scope;
}

export interface StaffAtStation {
  caller: Caller;
  station: StationRef;
  rule: RuleDocument | undefined;
}

/**
 * A staff member acting on a station, with the station and its rule document: three
 * concurrent reads. Non-staff are refused before anything about the station is said.
 */
export async function staffAtStation(ctx: CallContext, stationId: string): Promise<StaffAtStation> {
  requireOpenid(ctx);
  const [caller, station, rule] = await Promise.all([loadCaller(ctx), findStation(ctx.db, stationId), findRule(ctx.db, stationId)]);
  requireStaff(caller);
  if (!station) fail('COMMON.NOT_FOUND');
  requireStaffFor(caller, { areaPath: station.areaPath, stationId: station._id });
  return { caller, station, rule };
}

/** A staff member acting on a reception day: two concurrent reads. */
export async function staffOnDay(ctx: CallContext, dayId: string): Promise<{ caller: Caller; day: DayDocument }> {
  requireOpenid(ctx);
  const [caller, day] = await Promise.all([loadCaller(ctx), findDay(ctx.db, dayId)]);
  requireStaff(caller);
  if (!day) fail('COMMON.NOT_FOUND');
  requireStaffFor(caller, { areaPath: day.areaPath, stationId: day.stationId });
  return { caller, day };
}

/** Deputies put on duty must be active and receive at the station: one read, none for an empty roster. */
export async function requireDeputiesAt(db: Database, stationId: string, deputyIds: readonly string[]): Promise<string[]> {
  const unique = [...new Set(deputyIds)];
  if (unique.length === 0) return unique;
  const { data } = await db
    .collection(COLLECTIONS.deputies)
    .where({ _id: db.command.in(unique), active: true, stationIds: stationId })
    .limit(unique.length)
    .field({ _id: 1 })
    .get();
  if (data.length !== unique.length) fail('BOOKING.DEPUTY_NOT_AT_STATION');
  return unique;
}
