import { createFunction } from '../core/handler';
import { getDeputy } from './actions/getDeputy';
import { getStation } from './actions/getStation';
import { listAreas } from './actions/listAreas';
import { listStations } from './actions/listStations';
import { nearestStations } from './actions/nearestStations';
import { resolveScene } from './actions/resolveScene';
import { searchDeputies } from './actions/searchDeputies';
import { stationsScreen } from './actions/stationsScreen';

/** Find your deputy: areas, liaison stations and deputies, readable by anyone. */
export const main = createFunction('directory', {
  'directory.listAreas': listAreas,
  'directory.listStations': listStations,
  'directory.stationsScreen': stationsScreen,
  'directory.getStation': getStation,
  'directory.getDeputy': getDeputy,
  'directory.resolveScene': resolveScene,
  'directory.searchDeputies': searchDeputies,
  'directory.nearestStations': nearestStations,
});
