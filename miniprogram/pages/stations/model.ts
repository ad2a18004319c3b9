import type { DeputySearchHit, NearbyStation } from '../../shared/contract/directory';
import type { Area } from '../../shared/domain/directory';
import { callApi, toApiError } from '../../services/api';
import { getLocation, WxCallError } from '../../services/wx';
import { loading, settle, type Loaded } from '../../utils/load-state';
import { deputyItem, stationItem, type DeputyItem, type StationItem } from '../../views/directory';

export interface AreaOption {
  /** '' is 全部. */
  id: string;
  name: string;
}

/** A station in the list; near the resident, with how far it is. */
export interface StationListItem extends StationItem {
  distanceLabel: string;
}

export interface DeputyHitItem extends DeputyItem {
  /** The stations they receive at, so two deputies of the same name can be told apart. */
  stationNames: string;
}

export type SearchStatus = 'idle' | 'loading' | 'ready' | 'empty' | 'error';

export interface StationsState extends Loaded<StationListItem[]> {
  /** Empty until the areas are known; then 全部 first. */
  areas: AreaOption[];
  areaId: string;
  /** The list is the stations nearest the phone, nearest first (no area chosen). */
  nearby: boolean;
  locating: boolean;
  /** Why there is no nearest list: location refused or unavailable, in plain words. */
  locationNote: string;
  keyword: string;
  searchStatus: SearchStatus;
  searchMessage: string;
  hits: DeputyHitItem[];
}

export const ALL_AREAS: AreaOption = { id: '', name: '全部' };

export const SEARCH_MESSAGES = {
  emptyKeyword: '请输入代表姓名',
  noMatch: (keyword: string) => `没有找到姓名里有「${keyword}」的代表，请检查后再试，或在下面的联络站里查找`,
} as const;

export const LOCATION_MESSAGES = {
  denied: '您没有允许使用位置，所以无法按距离排列。可以在下面按地区查找；如需按距离查找，请点右上角「···」→「设置」，打开「位置信息」。',
  unavailable: '暂时无法获取您的位置，请打开手机定位后再试，或在下面按地区查找。',
} as const;

export function initialStationsState(): StationsState {
  return {
    ...loading<StationListItem[]>(),
    areas: [],
    areaId: '',
    nearby: false,
    locating: false,
    locationNote: '',
    keyword: '',
    searchStatus: 'idle',
    searchMessage: '',
    hits: [],
  };
}

/** 约 850 米, 约 1.2 公里, 约 12 公里: as a person would say it. */
export function distanceLabel(meters: number): string {
  if (meters < 1000) return `约 ${Math.max(10, Math.round(meters / 10) * 10)} 米`;
  if (meters < 10_000) return `约 ${(meters / 1000).toFixed(1)} 公里`;
  return `约 ${Math.round(meters / 1000)} 公里`;
}

export function nearbyItem(station: NearbyStation): StationListItem {
  return { ...stationItem(station), distanceLabel: distanceLabel(station.distanceMeters) };
}

export function deputyHitItem(hit: DeputySearchHit): DeputyHitItem {
  return { ...deputyItem(hit), stationNames: hit.stations.map((station) => station.name).join('、') };
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
 * The station list page: areas and stations load together in one call; choosing an area reloads
 * only the stations. A slower answer for an earlier choice never overwrites a later one.
 */
export function createStationsModel(render: (change: Partial<StationsState>) => void) {
  let latest = 0;
  let areas: AreaOption[] | null = null;
  let chosen = '';

  async function show(areaId: string): Promise<void> {
    const ticket = (latest += 1);
    render({ status: 'loading', errorMessage: '', areaId, nearby: false });
    const filter = areaId ? { areaId } : {};
    const next = await settle(
      async () => {
        if (areas) return (await callApi('directory.listStations', filter)).stations;
        const screen = await callApi('directory.stationsScreen', filter);
        areas = areaOptions(screen.areas);
        return screen.stations;
      },
      (stations) => stations.map((station) => ({ ...stationItem(station), distanceLabel: '' })),
      (items) => items.length === 0,
    );
    if (ticket !== latest) return;
    render(areas ? { ...next, areas } : next);
  }

  let searches = 0;

  return {
    /** First load, and 重试: whatever is missing is asked again. */
    load(): Promise<void> {
      return show(chosen);
    },
    chooseArea(areaId: string): Promise<void> {
      chosen = areaId;
      return show(areaId);
    },

    /**
     * The stations nearest the phone. If the resident says no to sharing their location, or
     * the phone cannot tell, say so plainly and leave the list as it is.
     */
    async showNearest(): Promise<void> {
      render({ locating: true, locationNote: '' });
      let here;
      try {
        here = await getLocation();
      } catch (error) {
        const denied = error instanceof WxCallError && error.kind === 'denied';
        if (!denied) console.warn('[stations] getLocation failed', error);
        render({ locating: false, locationNote: denied ? LOCATION_MESSAGES.denied : LOCATION_MESSAGES.unavailable });
        return;
      }
      const ticket = (latest += 1);
      render({ locating: false, status: 'loading', errorMessage: '', nearby: true, areaId: '' });
      const next = await settle(
        () => callApi('directory.nearestStations', here),
        ({ stations }) => stations.map(nearbyItem),
        (items) => items.length === 0,
      );
      if (ticket !== latest) return;
      render(next);
    },

    setKeyword(keyword: string): void {
      render({ keyword });
    },

    /** Deputies whose name has the keyword in it; the station list stays underneath. */
    async search(keyword: string): Promise<void> {
      const wanted = keyword.trim();
      if (!wanted) {
        render({ searchStatus: 'error', searchMessage: SEARCH_MESSAGES.emptyKeyword, hits: [] });
        return;
      }
      const ticket = (searches += 1);
      render({ searchStatus: 'loading', searchMessage: '', hits: [] });
      try {
        const { deputies } = await callApi('directory.searchDeputies', { keyword: wanted });
        if (ticket !== searches) return;
        const hits = deputies.map(deputyHitItem);
        render({ searchStatus: hits.length ? 'ready' : 'empty', searchMessage: hits.length ? '' : SEARCH_MESSAGES.noMatch(wanted), hits });
      } catch (error) {
        if (ticket !== searches) return;
        render({ searchStatus: 'error', searchMessage: toApiError(error).message, hits: [] });
      }
    },

    clearSearch(): void {
      searches += 1;
      render({ keyword: '', searchStatus: 'idle', searchMessage: '', hits: [] });
    },
  };
}
