import { COLLECTIONS } from '../../../infra/database';
import type { StationSummary } from '../../../miniprogram/shared/domain/directory';
import type { Handler } from '../../core/handler';

const SUMMARY_FIELDS = { _id: true, code: true, name: true, areaId: true, address: true };

/** Active stations, optionally those anywhere under one area (areaPath holds every ancestor). */
export const listStations: Handler<'directory.listStations'> = async ({ areaId }, { db }) => {
  const filter: Record<string, unknown> = { active: true };
  if (areaId) filter.areaPath = areaId;
  const { data } = await db.collection(COLLECTIONS.stations).where(filter).orderBy('code', 'asc').limit(200).field(SUMMARY_FIELDS).get();
  return { stations: data as StationSummary[] };
};
