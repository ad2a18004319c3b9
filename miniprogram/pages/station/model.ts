import type { StationDetail } from '../../shared/contract/directory';
import type { GeoPoint } from '../../shared/domain/directory';
import { callApi } from '../../services/api';
import { failed, loading, settle, type Loaded } from '../../utils/load-state';
import { deputyItem, dutyFiguresItem, receptionDayItem, type DeputyItem, type ReceptionDayItem, type DutyFiguresItem } from '../../views/directory';

export interface StationView {
  name: string;
  address: string;
  location: GeoPoint;
  openingHours: string;
  phone: string;
  receptionNote: string;
  days: ReceptionDayItem[];
  deputies: DeputyItem[];
  /** This year's 亮分 and stars in plain words; null until first published. */
  figures: DutyFiguresItem | null;
}

export type StationState = Loaded<StationView>;

export const initialStationState = loading<StationView>;

export function toStationView({ station, deputies, upcomingDays, dutyFigures }: StationDetail): StationView {
  return {
    name: station.name,
    address: station.address,
    location: station.location,
    openingHours: station.openingHours,
    phone: station.phone,
    receptionNote: station.receptionNote,
    days: upcomingDays.map(receptionDayItem),
    deputies: deputies.map(deputyItem),
    figures: dutyFiguresItem(dutyFigures),
  };
}

export function loadStation(stationId: string | undefined): Promise<StationState> {
  if (!stationId) return Promise.resolve(failed('COMMON.NOT_FOUND'));
  return settle(() => callApi('directory.getStation', { stationId }), toStationView);
}
