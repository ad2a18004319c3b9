import { COLLECTIONS } from '../../../infra/database';
import type { Area, Station } from '../../../miniprogram/shared/domain/directory';
import { geoCellsOf } from '../../../miniprogram/shared/domain/geo';
import { isDuplicateWrite } from '../../core/databaseErrors';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { scopeCovers } from '../../core/caller';
import { coversStation, loadStaff, type StationDocument } from '../staffScope';

/**
 * Staff create a station, or replace an existing station's fields. Editing needs the station in
 * scope (station staff: their own); creating, or moving it to another area, needs that area in
 * scope, which station staff never have. Codes are unique: the database's unique index decides,
 * so two staff saving the same code at once cannot both win. Four database requests.
 */
export const saveStation: Handler<'admin.saveStation'> = async ({ stationId, ...fields }, ctx) => {
  const { scope } = await loadStaff(ctx);
  const { db, now } = ctx;
  const stations = db.collection(COLLECTIONS.stations);
  const [areaRows, existingRows] = await Promise.all([
    db.collection(COLLECTIONS.areas).where({ _id: fields.areaId }).limit(1).get(),
    stationId ? stations.where({ _id: stationId }).limit(1).get() : Promise.resolve({ data: [] }),
  ]);
  const area = (areaRows.data as Area[])[0];
  const existing = (existingRows.data as StationDocument[])[0];
  if (stationId && !existing) fail('COMMON.NOT_FOUND');
  if (existing && !coversStation(scope, existing)) fail('ADMIN.OUT_OF_SCOPE');
  if (!area) fail('ADMIN.AREA_NOT_FOUND');
  if ((!existing || existing.areaId !== area._id) && !scopeCovers(scope, { areaPath: area.path })) fail('ADMIN.OUT_OF_SCOPE');

  const saved = { ...fields, areaPath: area.path, geoCells: geoCellsOf(fields.location) };
  let id = stationId;
  try {
    if (existing) {
      const _ = db.command;
      await stations.doc(existing._id).update({ ...saved, location: _.set(saved.location), areaPath: _.set(saved.areaPath), geoCells: _.set(saved.geoCells), updatedAt: now });
    } else {
      id = ((await stations.add({ ...saved, createdAt: now, updatedAt: now })) as { id: string }).id;
    }
  } catch (error) {
    if (isDuplicateWrite(error)) fail('ADMIN.STATION_CODE_TAKEN');
    throw error;
  }
  const station: Station = { _id: id ?? '', ...fields };
  return { station };
};
