/** How directory data reads on screen: the pieces the station and deputy pages share. */
import { DEPUTY_LEVEL_LABELS, type DeputySummary, type ReceptionDaySummary, type StationSummary } from '../shared/domain/directory';
import type { PublishedDutyFigures } from '../shared/contract/directory';
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

/** 亮分 as a page shows it: plain sentences, a ranking only where staff turned it on, a station's stars. */
export interface DutyFiguresItem {
  title: string;
  sentences: string[];
  rankingLabel: string;
  starsLabel: string;
  asOfLabel: string;
}

export function dutyFiguresItem(figures: PublishedDutyFigures | null): DutyFiguresItem | null {
  if (!figures || figures.sentences.length === 0) return null;
  const [, month, day] = figures.asOf.split('-').map(Number);
  return {
    title: `${figures.year}年履职情况`,
    sentences: figures.sentences,
    rankingLabel: figures.ranking ? `在${figures.ranking.within}的${figures.ranking.of}位代表中，履职积分排第${figures.ranking.rank}位` : '',
    starsLabel: figures.stars ? `星级联络站：${figures.stars.stars}星（满5星）` : '',
    asOfLabel: `数据统计至${month}月${day}日`,
  };
}
