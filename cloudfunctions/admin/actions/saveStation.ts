import { COLLECTIONS } from '../../../infra/database';
import { stationPosition } from '../../../infra/documents/stationPosition';
import { stationAreaPath, unsharableArea, type Area, type Station } from '../../../miniprogram/shared/domain/directory';
import { isDuplicateWrite } from '../../core/databaseErrors';
import type { Database } from '../../core/cloud';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { scopeCovers } from '../../core/caller';
import { settleStaleCases } from '../../core/caseCounters';
import { settleStaleDays } from '../../core/visitCounters';
import { coversStation, loadStaff, type StationDocument } from '../staffScope';

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id) => b.includes(id));

/**
 * The station's place changed (moved, or areas shared or no longer shared): what was filed at it
 * follows, so each area's staff see, and its figures count, exactly the station's reception days,
 * bookings, reception records and cases. Six requests (the days in two updates, their ids, then
 * three updates), then the settling of the cases' and the days' statistics counters.
 */
async function movePlaceOfRecords(db: Database, stationId: string, areaPath: string[], now: Date): Promise<void> {
  const _ = db.command;
  const days = db.collection(COLLECTIONS.receptionDays);
  // Days count their visits in every area of their path (core/visitCounters.ts). Each day's mark
  // is raised as it moves, so a settling that read it before counts again; the days with visits
  // are marked stale in the same update (after the others: a day visited in between has moved
  // already), for the settling below or the booking timer.
  await days.where({ stationId, visited: _.neq(true) }).update({ areaPath: _.set(areaPath), visitsMark: _.inc(1) });
  await days.where({ stationId, visited: true }).update({ areaPath: _.set(areaPath), visitsMark: _.inc(1), visitsStale: true });
  const { data } = await days.where({ stationId }).limit(1000).field({ _id: true }).get();
  const dayIds = (data as Array<{ _id: string }>).map((day) => day._id);
  await Promise.all([
    // Marked for the statistics counters, which count each case in every area of its path.
    db
      .collection(COLLECTIONS.opinions)
      .where({ stationId })
      .update({ areaPath: _.set(areaPath), countsStale: true }),
    ...(dayIds.length
      ? [
          db
            .collection(COLLECTIONS.bookings)
            .where({ dayId: _.in(dayIds) })
            .update({ areaPath: _.set(areaPath) }),
          db
            .collection(COLLECTIONS.receptionRecords)
            .where({ dayId: _.in(dayIds) })
            .update({ areaPath: _.set(areaPath) }),
        ]
      : []),
  ]);
  // The cases' counts move to their new areas now, a batch of them; the hourly casework timer settles any beyond it.
  await Promise.all([settleStaleCases(db, now), settleStaleDays(db)]);
}

/**
 * Staff create a station, or replace an existing station's fields. Editing needs the station in
 * scope (station staff: their own; staff of an area it is shared with too); creating it, moving it
 * to another area or changing the areas it is shared with (跨区域联络站) needs its own area in
 * scope, which station staff never have. Codes are unique: the database's unique index decides,
 * so two staff saving the same code at once cannot both win. Three database requests (four when an edit
 * keeps shared areas), and four more when its place changes (its records follow it).
 */
export const saveStation: Handler<'admin.saveStation'> = async ({ stationId, sharedAreaIds: askedShared, ...fields }, ctx) => {
  const { scope } = await loadStaff(ctx);
  const { db, now } = ctx;
  const _ = db.command;
  const stations = db.collection(COLLECTIONS.stations);
  const readAreas = (ids: string[]) =>
    db
      .collection(COLLECTIONS.areas)
      .where({ _id: _.in(ids) })
      .limit(10)
      .get();
  const [areaRows, existingRows] = await Promise.all([
    readAreas([fields.areaId, ...(askedShared ?? [])]),
    stationId ? stations.where({ _id: stationId }).limit(1).get() : Promise.resolve({ data: [] }),
  ]);
  const existing = (existingRows.data as StationDocument[])[0];
  if (stationId && !existing) fail('COMMON.NOT_FOUND');
  if (existing && !coversStation(scope, existing)) fail('ADMIN.OUT_OF_SCOPE');
  const areas = new Map((areaRows.data as Area[]).map((a) => [a._id, a]));
  const area = areas.get(fields.areaId) ?? fail('ADMIN.AREA_NOT_FOUND');
  const sharedAreaIds = [...new Set(askedShared ?? existing?.sharedAreaIds ?? [])];
  // An edit that leaves the sharing alone (an older form sends none) keeps the shared areas: read them now.
  const unread = sharedAreaIds.filter((id) => !areas.has(id));
  if (unread.length) for (const a of (await readAreas(unread)).data as Area[]) areas.set(a._id, a);
  const shared = sharedAreaIds.map((id) => areas.get(id) ?? fail('ADMIN.AREA_NOT_FOUND'));
  if (unsharableArea(area, shared)) fail('ADMIN.SHARED_AREA_INVALID');
  const placeChanged = !existing || existing.areaId !== area._id || !sameIds(existing.sharedAreaIds ?? [], sharedAreaIds);
  if (placeChanged && !scopeCovers(scope, { areaPath: area.path })) fail('ADMIN.OUT_OF_SCOPE');

  const areaPath = stationAreaPath(area, shared);
  const sharing = sharedAreaIds.length > 0 || existing?.sharedAreaIds ? { sharedAreaIds } : {};
  const saved = { ...fields, ...sharing, areaPath, position: stationPosition(fields.location) };
  let id = stationId;
  try {
    if (existing) {
      await stations.doc(existing._id).update({
        ...saved,
        location: _.set(saved.location),
        ...(sharing.sharedAreaIds ? { sharedAreaIds: _.set(sharing.sharedAreaIds) } : {}),
        areaPath: _.set(areaPath),
        position: _.set(saved.position),
        updatedAt: now,
      });
    } else {
      id = ((await stations.add({ ...saved, createdAt: now, updatedAt: now })) as { id: string }).id;
    }
  } catch (error) {
    if (isDuplicateWrite(error)) fail('ADMIN.STATION_CODE_TAKEN');
    throw error;
  }
  if (existing && !sameIds(existing.areaPath, areaPath)) await movePlaceOfRecords(db, existing._id, areaPath, now);
  const station: Station = { _id: id ?? '', ...fields, ...sharing };
  return { station };
};
