import * as z from 'zod';
import type { Area, DeputySummary, Deputy, GeoPoint, ReceptionDaySummary, Station, StationSummary } from '../domain/directory';
import type { SceneKind } from '../domain/scene';
import { action, namespaced } from './define';
import { docId, lineText } from './fields';

export interface StationDetail {
  station: Station;
  deputies: DeputySummary[];
  upcomingDays: ReceptionDaySummary[];
  /** This year's 亮分 as last published (hourly); null until the first publication. */
  dutyFigures: PublishedDutyFigures | null;
}

export interface DeputyDetail {
  deputy: Deputy;
  stations: StationSummary[];
  upcomingDays: ReceptionDaySummary[];
  /** This year's 亮分 as last published (hourly); null until the first publication. */
  dutyFigures: PublishedDutyFigures | null;
}

/** 亮分 in plain words: a ranking only where staff turned it on (within a station), stars for a station. */
export interface PublishedDutyFigures {
  year: number;
  sentences: string[];
  ranking: { rank: number; of: number; within: string } | null;
  stars: { stars: number; met: string[]; rubric: string[] } | null;
  asOf: string;
}

/** What a scanned mini-program code opens: the deputy's or the station's page. */
export interface SceneDestination {
  kind: SceneKind;
  id: string;
}

export interface DeputySearchHit extends DeputySummary {
  /** The stations they receive at, by code. */
  stations: Array<{ _id: string; name: string }>;
}

export interface NearbyStation extends StationSummary {
  location: GeoPoint;
  distanceMeters: number;
}

/** The station list's first screen in one answer: the area tree for the picker and the stations (as listStations answers). */
export interface StationsScreen {
  areas: Area[];
  stations: StationSummary[];
}

export const DEPUTY_SEARCH_LIMIT = 20;
export const NEAREST_STATIONS_LIMIT = 10;

export const directoryActions = namespaced('directory', {
  listAreas: action<{ areas: Area[] }>()(z.strictObject({})),
  listStations: action<{ stations: StationSummary[] }>()(z.strictObject({ areaId: docId.optional() })),
  /** 找代表/联络站 first screen: listAreas and listStations (same filter) in one call. */
  stationsScreen: action<StationsScreen>()(z.strictObject({ areaId: docId.optional() })),
  getStation: action<StationDetail>()(z.strictObject({ stationId: docId })),
  getDeputy: action<DeputyDetail>()(z.strictObject({ deputyId: docId })),
  /** `scene` exactly as the page received it in options.scene (encoded or not). */
  resolveScene: action<SceneDestination>()(z.strictObject({ scene: z.string().max(128) })),
  searchDeputies: action<{ deputies: DeputySearchHit[] }>()(
    z.strictObject({
      keyword: lineText()
        .max(20)
        // A name holds no control characters (a NUL cannot even go into the database's regex).
        .refine((text) => text.length > 0 && !/[\u0000-\u001f\u007f]/.test(text), { message: '请输入代表姓名' }),
    }),
  ),
  nearestStations: action<{ stations: NearbyStation[] }>()(z.strictObject({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) })),
});
