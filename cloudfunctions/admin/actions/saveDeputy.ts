import { COLLECTIONS } from '../../../infra/database';
import type { Deputy } from '../../../miniprogram/shared/domain/directory';
import { isDuplicateWrite } from '../../core/databaseErrors';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { coversAnyStation, coversStation, findDeputyWithStations, loadStaff, type StationPlace } from '../staffScope';

/**
 * Staff create a deputy, or replace an existing deputy's fields. Every station must exist.
 * Editing needs the deputy in scope (one of their stations covered), and every station added
 * to or removed from their list must be covered too: staff of one district cannot take a
 * deputy off another district's station. A rename reaches the bound WeChat account.
 * Four database requests (five with a rename of a bound deputy).
 */
export const saveDeputy: Handler<'admin.saveDeputy'> = async ({ deputyId, ...fields }, ctx) => {
  const { scope } = await loadStaff(ctx);
  const { db, now } = ctx;
  const _ = db.command;
  const stationIds = [...new Set(fields.stationIds)];
  const [stationRows, existing] = await Promise.all([
    db
      .collection(COLLECTIONS.stations)
      .where({ _id: _.in(stationIds) })
      .field({ _id: true, areaPath: true })
      .get(),
    deputyId ? findDeputyWithStations(db, deputyId) : Promise.resolve(null),
  ]);
  if (deputyId && !existing) fail('COMMON.NOT_FOUND');
  if (existing && !coversAnyStation(scope, existing.stations)) fail('ADMIN.OUT_OF_SCOPE');
  const stations = stationRows.data as StationPlace[];
  if (stations.length !== stationIds.length) fail('ADMIN.STATION_NOT_FOUND');
  const before = new Set(existing?.stationIds ?? []);
  const added = stations.filter((station) => !before.has(station._id));
  const removed = (existing?.stations ?? []).filter((station) => !stationIds.includes(station._id));
  if (![...added, ...removed].every((station) => coversStation(scope, station))) fail('ADMIN.OUT_OF_SCOPE');

  const saved = { ...fields, stationIds };
  const deputies = db.collection(COLLECTIONS.deputies);
  let id = deputyId;
  try {
    if (existing) await deputies.doc(existing._id).update({ ...saved, stationIds: _.set(stationIds), updatedAt: now });
    else id = ((await deputies.add({ ...saved, createdAt: now, updatedAt: now })) as { id: string }).id;
  } catch (error) {
    if (isDuplicateWrite(error)) fail('ADMIN.DEPUTY_CODE_TAKEN');
    throw error;
  }
  if (existing && existing.name !== fields.name) {
    await db
      .collection(COLLECTIONS.accounts)
      .where({ 'deputy.deputyId': existing._id })
      .update({ deputy: { name: fields.name }, updatedAt: now });
  }
  const deputy: Deputy = { _id: id ?? '', ...saved };
  return { deputy };
};
