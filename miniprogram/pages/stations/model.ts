import type { Area } from '../../shared/domain/directory';
import { callApi } from '../../services/api';
import { loading, settle, type Loaded } from '../../utils/load-state';
import { stationItem, type StationItem } from '../../views/directory';

export interface AreaOption {
  /** '' is 全部. */
  id: string;
  name: string;
}

export interface StationsState extends Loaded<StationItem[]> {
  /** Empty until the areas are known; then 全部 first. */
  areas: AreaOption[];
  areaId: string;
}

export const ALL_AREAS: AreaOption = { id: '', name: '全部' };

export function initialStationsState(): StationsState {
  return { ...loading<StationItem[]>(), areas: [], areaId: '' };
}

/**
 * One row of choices is enough to find a nearby station: the shallowest level of the area
 * tree that actually offers a choice (a city's districts, or a district's townships).
 */
export function areaOptions(areas: Area[]): AreaOption[] {
  const byDepth = new Map<number, Area[]>();
  for (const area of areas) byDepth.set(area.path.length, [...(byDepth.get(area.path.length) ?? []), area]);
  const depths = [...byDepth.keys()].sort((a, b) => a - b);
  const level = depths.map((depth) => byDepth.get(depth) as Area[]).find((candidates) => candidates.length > 1);
  return level ? [ALL_AREAS, ...level.map((area) => ({ id: area._id, name: area.name }))] : [];
}

/**
 * The station list page: areas and stations load together; choosing an area reloads only the
 * stations. A slower answer for an earlier choice never overwrites a later one.
 */
export function createStationsModel(render: (change: Partial<StationsState>) => void) {
  let latest = 0;
  let areas: AreaOption[] | null = null;
  let chosen = '';

  async function show(areaId: string): Promise<void> {
    const ticket = (latest += 1);
    render({ status: 'loading', errorMessage: '', areaId });
    const loadAreas = areas ? Promise.resolve(areas) : callApi('directory.listAreas', {}).then(({ areas: all }) => areaOptions(all));
    const listStations = callApi('directory.listStations', areaId ? { areaId } : {});
    const next = await settle(
      async () => {
        const [options, { stations }] = await Promise.all([loadAreas, listStations]);
        areas = options;
        return stations;
      },
      (stations) => stations.map(stationItem),
      (items) => items.length === 0,
    );
    if (ticket !== latest) return;
    render(areas ? { ...next, areas } : next);
  }

  return {
    /** First load, and 重试: whatever is missing is asked again. */
    load(): Promise<void> {
      return show(chosen);
    },
    chooseArea(areaId: string): Promise<void> {
      chosen = areaId;
      return show(areaId);
    },
  };
}
