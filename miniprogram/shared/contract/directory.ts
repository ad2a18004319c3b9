import { z } from 'zod';
import type {
  Area,
  DeputySummary,
  Deputy,
  ReceptionDaySummary,
  Station,
  StationSummary,
} from '../domain/directory';
import { action, namespaced } from './define';
import { docId } from './fields';

export interface StationDetail {
  station: Station;
  deputies: DeputySummary[];
  upcomingDays: ReceptionDaySummary[];
}

export interface DeputyDetail {
  deputy: Deputy;
  stations: StationSummary[];
  upcomingDays: ReceptionDaySummary[];
}

export const directoryActions = namespaced('directory', {
  listAreas: action<{ areas: Area[] }>()(z.strictObject({})),
  listStations: action<{ stations: StationSummary[] }>()(z.strictObject({ areaId: docId.optional() })),
  getStation: action<StationDetail>()(z.strictObject({ stationId: docId })),
  getDeputy: action<DeputyDetail>()(z.strictObject({ deputyId: docId })),
});
