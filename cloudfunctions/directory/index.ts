import { createFunction } from '../core/handler';
import { getDeputy } from './getDeputy';
import { getStation } from './getStation';
import { listAreas } from './listAreas';
import { listStations } from './listStations';
import { nearestStations } from './nearestStations';
import { resolveScene } from './resolveScene';
import { searchDeputies } from './searchDeputies';

/** Find your deputy: areas, liaison stations and deputies, readable by anyone. */
export const main = createFunction('directory', {
  'directory.listAreas': listAreas,
  'directory.listStations': listStations,
  'directory.getStation': getStation,
  'directory.getDeputy': getDeputy,
  'directory.resolveScene': resolveScene,
  'directory.searchDeputies': searchDeputies,
  'directory.nearestStations': nearestStations,
});
