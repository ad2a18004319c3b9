import { createFunction } from '../core/handler';
import { getDeputy } from './getDeputy';
import { getStation } from './getStation';
import { listAreas } from './listAreas';
import { listStations } from './listStations';

/** Find your deputy: areas, liaison stations and deputies, readable by anyone. */
export const main = createFunction('directory', {
  'directory.listAreas': listAreas,
  'directory.listStations': listStations,
  'directory.getStation': getStation,
  'directory.getDeputy': getDeputy,
});
