/** Who is who: areas, liaison stations and deputies, as every side of the app sees them. */

export const DEPUTY_LEVELS = ['national', 'provincial', 'city', 'county', 'township'] as const;
export type DeputyLevel = (typeof DEPUTY_LEVELS)[number];

export const DEPUTY_LEVEL_LABELS: Record<DeputyLevel, string> = {
  national: '全国人大代表',
  provincial: '省人大代表',
  city: '市人大代表',
  county: '县（区）人大代表',
  township: '乡（镇）人大代表',
};

/** National deputies first, township deputies last; by name (pinyin order) within a level. */
export function byRank<T extends { level: DeputyLevel; name: string }>(deputies: readonly T[]): T[] {
  return [...deputies].sort((a, b) => DEPUTY_LEVELS.indexOf(a.level) - DEPUTY_LEVELS.indexOf(b.level) || a.name.localeCompare(b.name, 'zh-Hans-CN'));
}

export const AREA_KINDS = ['city', 'district', 'township', 'community'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];

export interface Area {
  _id: string;
  name: string;
  kind: AreaKind;
  parentId: string | null;
  /** Ids from the root down to this area, itself included: lets a scope check be one `in`. */
  path: string[];
}

/**
 * A station's areaPath: every area it belongs to and every area above each, so that "is this
 * station under area X" stays one array-contains test for scope checks, lists and figures. The
 * shared areas' ancestors come first and the station's own path last and whole (its last id is
 * its own area); an area above both sides appears once, so a common parent counts it once.
 */
export function stationAreaPath(own: Pick<Area, 'path'>, shared: ReadonlyArray<Pick<Area, 'path'>> = []): string[] {
  const ownIds = new Set(own.path);
  const others = [...new Set(shared.flatMap((area) => area.path))].filter((id) => !ownIds.has(id));
  return [...others, ...own.path];
}

/** Why areas cannot be shared with a station of `own`: the station's own area, or one above or below it (already counting it). */
export function unsharableArea(own: Pick<Area, '_id' | 'path'>, shared: ReadonlyArray<Pick<Area, '_id' | 'path'>>): Pick<Area, '_id' | 'path'> | undefined {
  return shared.find((area) => own.path.includes(area._id) || area.path.includes(own._id));
}

export interface GeoPoint {
  latitude: number;
  longitude: number;
}

export interface StationSummary {
  _id: string;
  code: string;
  name: string;
  areaId: string;
  address: string;
}

export interface Station extends StationSummary {
  /**
   * A joint station (跨区域联络站) also belongs to these areas, whose congresses run it together
   * with its own area's: their staff see it and its cases, their deputies receive there, and each
   * area's figures count it once. Absent or empty for an ordinary station.
   */
  sharedAreaIds?: string[];
  location: GeoPoint;
  openingHours: string;
  phone: string;
  /** Plain words for the reception rule, e.g. 每月15日 09:00–11:30. */
  receptionNote: string;
  active: boolean;
}

export interface DeputySummary {
  _id: string;
  code: string;
  name: string;
  level: DeputyLevel;
  photoUrl: string;
}

export interface Deputy extends DeputySummary {
  constituency: string;
  occupation: string;
  profile: string;
  stationIds: string[];
  active: boolean;
}

/** A day a station receives residents; `date` is the Asia/Shanghai calendar date, YYYY-MM-DD. */
export interface ReceptionDaySummary {
  _id: string;
  stationId: string;
  date: string;
  windows: Array<{ start: string; end: string }>;
  deputyIds: string[];
}
