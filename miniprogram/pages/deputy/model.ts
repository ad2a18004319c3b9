import type { DeputyDetail } from '../../shared/contract/directory';
import { callApi } from '../../services/api';
import { failed, loading, settle, type Loaded } from '../../utils/load-state';
import { deputyItem, dutyFiguresItem, receptionDayItem, stationItem, type ReceptionDayItem, type StationItem, type DutyFiguresItem } from '../../views/directory';

export interface DeputyView {
  name: string;
  levelLabel: string;
  photoUrl: string;
  constituency: string;
  occupation: string;
  profile: string;
  stations: StationItem[];
  /** Each day with the station it is at, so the resident knows where to go. */
  days: Array<ReceptionDayItem & { stationName: string }>;
  /** Where 预约接待 books: the station of the deputy's next reception day, else their first station; '' for none. */
  bookingStationId: string;
  /** This year's 亮分 in plain words; null until first published. */
  figures: DutyFiguresItem | null;
}

export type DeputyState = Loaded<DeputyView>;

export const initialDeputyState = loading<DeputyView>;

export function toDeputyView({ deputy, stations, upcomingDays, dutyFigures }: DeputyDetail): DeputyView {
  const stationNames = new Map(stations.map((station) => [station._id, station.name]));
  return {
    ...deputyItem(deputy),
    constituency: deputy.constituency,
    occupation: deputy.occupation,
    profile: deputy.profile,
    stations: stations.map(stationItem),
    days: upcomingDays.map((day) => ({ ...receptionDayItem(day), stationName: stationNames.get(day.stationId) ?? '' })),
    bookingStationId: upcomingDays[0]?.stationId ?? stations[0]?._id ?? '',
    figures: dutyFiguresItem(dutyFigures),
  };
}

export function loadDeputy(deputyId: string | undefined): Promise<DeputyState> {
  if (!deputyId) return Promise.resolve(failed('COMMON.NOT_FOUND'));
  return settle(() => callApi('directory.getDeputy', { deputyId }), toDeputyView);
}
