import type { PublicFigures, PublicFigureItems } from '../../shared/contract/casework';
import { PUBLIC_DRILLS, type FiguresPeriod, type HeadlineValue, type PublicDrill } from '../../shared/domain/figures';
import { addMonths, shanghaiDate } from '../../shared/domain/time';
import { formatReceptionDate } from '../../utils/date';
import { SUBPACKAGE_PAGES, withQuery } from '../../routes';

/**
 * 公开数据: the headline figures of an area, a station or a deputy for a month or a year, and the
 * anonymised list behind each. Plain functions the two pages of this subpackage share.
 */
export type FiguresScope = { areaId: string } | { stationId: string } | { deputyId: string };

/** The place a page was opened for (?areaId= / ?stationId= / ?deputyId=), or null. */
export function scopeFromQuery(query: { areaId?: string; stationId?: string; deputyId?: string }): FiguresScope | null {
  if (query.areaId) return { areaId: query.areaId };
  if (query.stationId) return { stationId: query.stationId };
  if (query.deputyId) return { deputyId: query.deputyId };
  return null;
}

export function scopeQuery(scope: FiguresScope): Record<string, string> {
  return { ...scope };
}

export const PERIOD_CHOICES = [
  { value: 'thisMonth', label: '本月' },
  { value: 'lastMonth', label: '上月' },
  { value: 'thisYear', label: '今年' },
  { value: 'lastYear', label: '去年' },
] as const;
export type PeriodChoice = (typeof PERIOD_CHOICES)[number]['value'];

/** The period a choice means on a Shanghai date. */
export function periodOf(choice: PeriodChoice, today: string): Required<FiguresPeriod> {
  const year = Number(today.slice(0, 4));
  if (choice === 'thisYear') return { year, month: null };
  if (choice === 'lastYear') return { year: year - 1, month: null };
  const day = choice === 'thisMonth' ? today : addMonths(today, -1);
  return { year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)) };
}

export function periodQuery(period: FiguresPeriod): Record<string, string> {
  return period.month ? { year: String(period.year), month: String(period.month) } : { year: String(period.year) };
}

/** A period from a page query (?year=2026&month=10); null when there is none or it makes no sense. */
export function periodFromQuery(query: { year?: string; month?: string }): Required<FiguresPeriod> | null {
  const year = Number(query.year);
  if (!Number.isInteger(year) || year < 2020 || year > 2100) return null;
  const month = query.month === undefined ? null : Number(query.month);
  if (month !== null && (!Number.isInteger(month) || month < 1 || month > 12)) return null;
  return { year, month };
}

export function figureItemsUrl(scope: FiguresScope, period: FiguresPeriod, drill: PublicDrill): string {
  return withQuery(SUBPACKAGE_PAGES.figureItems, { ...scopeQuery(scope), ...periodQuery(period), drill });
}

export function isPublicDrill(value: string | undefined): value is PublicDrill {
  return (PUBLIC_DRILLS as readonly string[]).includes(value ?? '');
}

export function todayIn(now: Date): string {
  return shanghaiDate(now);
}

export interface FigureCardView {
  key: string;
  label: string;
  /** 12人次, 66.7%, or — when there is nothing to divide by. */
  value: string;
  detail: string;
  drill: PublicDrill;
  ariaLabel: string;
}

export interface FiguresView {
  name: string;
  kindLabel: string;
  periodLabel: string;
  cards: FigureCardView[];
}

const KIND_LABELS = { area: '区域', station: '联络站', deputy: '代表' } as const;

export function cardOf(headline: HeadlineValue): FigureCardView {
  const value = headline.value === null ? '—' : `${headline.value}${headline.unit}`;
  return {
    key: headline.key,
    label: headline.label,
    value,
    detail: headline.detail,
    drill: headline.drill,
    ariaLabel: `${headline.label} ${value}，${headline.detail}，点击查看明细`,
  };
}

export function toFiguresView(answer: PublicFigures): FiguresView {
  return { name: answer.scope.name, kindLabel: KIND_LABELS[answer.scope.kind], periodLabel: answer.periodLabel, cards: answer.headlines.map(cardOf) };
}

/** One anonymised row: what it is, when and where; a case's masked excerpt below. */
export interface FigureItemView {
  key: string;
  /** A 票决 project opens its page; '' for cases and visits. */
  candidateId: string;
  title: string;
  meta: string;
  text: string;
}

export function figureItemViews(page: PublicFigureItems): FigureItemView[] {
  if (page.kind === 'cases') {
    return page.items.map((row) => ({
      key: row.key,
      title: [row.categoryLabel, row.statusLabel, row.outcomeLabel, row.ratingLabel ? `群众评价：${row.ratingLabel}` : ''].filter(Boolean).join(' · '),
      meta: `${formatReceptionDate(row.date)} · ${row.stationName}`,
      text: row.text || '（内容未公开）',
      candidateId: '',
    }));
  }
  if (page.kind === 'visits') {
    return page.items.map((row) => ({ key: row.key, title: row.kindLabel, meta: `${formatReceptionDate(row.date)} · ${row.stationName}`, text: '', candidateId: '' }));
  }
  return page.items.map((row) => ({
    key: row.candidateId,
    title: `${row.title} · ${row.stateLabel}`,
    meta: `${row.year}年 · ${row.place} · ${row.unitName} · 进度${row.percent}%`,
    text: '',
    candidateId: row.candidateId,
  }));
}
