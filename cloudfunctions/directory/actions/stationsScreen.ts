import type { Handler } from '../../core/handler';
import { listAreas } from './listAreas';
import { listStations } from './listStations';

/** 找代表/联络站 opens on one call: the area tree and the stations, as the two actions answer them. Two database requests, side by side. */
export const stationsScreen: Handler<'directory.stationsScreen'> = async (payload, ctx) => {
  const [{ areas }, { stations }] = await Promise.all([listAreas({}, ctx), listStations(payload, ctx)]);
  return { areas, stations };
};
