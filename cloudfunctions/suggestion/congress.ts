import { COLLECTIONS } from '../../infra/database';
import { CONGRESS_LEVEL, type SessionDocument } from '../../infra/documents/suggestions';
import type { DepartmentChoice } from '../../miniprogram/shared/contract/casework';
import type { SessionView } from '../../miniprogram/shared/contract/suggestion';
import type { Area, Deputy } from '../../miniprogram/shared/domain/directory';
import { shanghaiDate } from '../../miniprogram/shared/domain/time';
import type { Database } from '../core/cloud';

/**
 * The congresses suggestions go to, and who belongs to them: a session is its area's congress
 * (临江市, 江南区, 北山镇); its deputies are those of the matching level (a city's 市人大代表, a
 * district's 县（区）人大代表, a township's 乡（镇）人大代表) who receive at a station in its area.
 */

export function sessionView(session: SessionDocument, now: Date): SessionView {
  const today = shanghaiDate(now);
  return {
    _id: session._id,
    areaId: session.areaId,
    areaName: session.areaName,
    name: session.name,
    acceptsFrom: session.acceptsFrom,
    acceptsUntil: session.acceptsUntil,
    active: session.active,
    open: session.active && session.acceptsFrom <= today && today <= session.acceptsUntil,
  };
}

export async function findSession(db: Database, sessionId: string): Promise<SessionDocument | undefined> {
  const { data } = await db.collection(COLLECTIONS.suggestionSessions).where({ _id: sessionId }).limit(1).get();
  return (data as SessionDocument[])[0];
}

/** A deputy with the places of the stations they receive at. */
export interface DeputyInCongress extends Pick<Deputy, '_id' | 'name' | 'level' | 'active'> {
  stations: Array<{ _id: string; areaPath: string[] }>;
}

/** Deputies by id, each joined with their stations' places: one database request. */
export async function deputiesWithStations(db: Database, deputyIds: readonly string[]): Promise<DeputyInCongress[]> {
  if (deputyIds.length === 0) return [];
  const _ = db.command;
  const { data } = await db
    .collection(COLLECTIONS.deputies)
    .aggregate()
    .match({ _id: _.in([...new Set(deputyIds)]) })
    .lookup({ from: COLLECTIONS.stations, localField: 'stationIds', foreignField: '_id', as: 'stations' })
    .project({ _id: 1, name: 1, level: 1, active: 1, 'stations._id': 1, 'stations.areaPath': 1 })
    .end();
  return data as DeputyInCongress[];
}

/** Whether a deputy belongs to the session's congress: active, of its level, receiving at a station in its area. */
export function belongsTo(deputy: DeputyInCongress | undefined, session: Pick<SessionDocument, 'areaId' | 'areaKind'>): deputy is DeputyInCongress {
  return !!deputy && deputy.active && CONGRESS_LEVEL[session.areaKind] === deputy.level && deputy.stations.some((s) => s.areaPath.includes(session.areaId));
}

/** The delegation (代表团) a deputy sits in: the area below the congress's on the way to their station, or the congress's own. */
export function delegationIdOf(deputy: DeputyInCongress, session: Pick<SessionDocument, 'areaId'>): string {
  const path = deputy.stations.find((s) => s.areaPath.includes(session.areaId))?.areaPath ?? [];
  return path[path.indexOf(session.areaId) + 1] ?? session.areaId;
}

export async function findArea(db: Database, areaId: string): Promise<Area | undefined> {
  const { data } = await db.collection(COLLECTIONS.areas).where({ _id: areaId }).limit(1).get();
  return (data as Area[])[0];
}

const MOST_UNITS = 200;

/**
 * The units a session's suggestions may be assigned to: active departments of the congress's area
 * and every area below it (a city's bureaus and its districts'), the congress's own first. One
 * request; `only` narrows to those ids (checking a choice).
 */
export async function assignableUnits(db: Database, session: Pick<SessionDocument, 'areaId'>, only?: readonly string[]): Promise<DepartmentChoice[]> {
  const _ = db.command;
  const query: Record<string, unknown> = { areaPath: session.areaId, active: true };
  if (only) query._id = _.in([...new Set(only)]);
  const { data } = await db.collection(COLLECTIONS.departments).where(query).orderBy('name', 'asc').limit(MOST_UNITS).field({ _id: true, name: true, areaId: true }).get();
  const found = data as DepartmentChoice[];
  return found.sort((a, b) => Number(b.areaId === session.areaId) - Number(a.areaId === session.areaId));
}
