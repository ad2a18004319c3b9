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
