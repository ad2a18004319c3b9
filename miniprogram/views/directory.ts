/** How directory data reads on screen: the pieces the station and deputy pages share. */
import { DEPUTY_LEVEL_LABELS, type DeputySummary, type ReceptionDaySummary, type StationSummary } from '../shared/domain/directory';
import { formatReceptionDate, formatTimeWindows } from '../utils/date';

export interface ReceptionDayItem {
  id: string;
  /** 11月15日 周六 */
  dateLabel: string;
  /** 09:00–11:30、14:30–17:00 */
  timeLabel: string;
}

export interface DeputyItem {
  id: string;
  name: string;
  levelLabel: string;
  photoUrl: string;
}

export interface StationItem {
  id: string;
  name: string;
  address: string;
}

export function receptionDayItem(day: ReceptionDaySummary): ReceptionDayItem {
  return { id: day._id, dateLabel: formatReceptionDate(day.date), timeLabel: formatTimeWindows(day.windows) };
}

export function deputyItem(deputy: DeputySummary): DeputyItem {
  return {
    id: deputy._id,
    name: deputy.name,
    levelLabel: levelLabel(deputy.level),
    photoUrl: deputy.photoUrl,
  };
}

export function stationItem(station: StationSummary): StationItem {
  return { id: station._id, name: station.name, address: station.address };
}

/** A level this build does not know yet reads as the generic title rather than a code. */
export function levelLabel(level: string): string {
  return Object.prototype.hasOwnProperty.call(DEPUTY_LEVEL_LABELS, level) ? DEPUTY_LEVEL_LABELS[level as keyof typeof DEPUTY_LEVEL_LABELS] : '人大代表';
}
