import type { RoundView } from '../../../shared/contract/project';
import { callApi } from '../../../services/api';
import { navigateTo } from '../../../services/wx';
import { createPagedList, initialPagedState, pageRequest, type PagedState } from '../../../utils/paged-list';
import { SUBPACKAGE_PAGES, withQuery } from '../../../routes';

/** Whose rounds the page lists: an area's, a station's areas' (its township, district and city), or every area's. */
export type RoundsPlace = { areaId: string } | { stationId: string } | Record<string, never>;

export function placeFromQuery(query: Record<string, string | undefined>): RoundsPlace {
  if (query.areaId) return { areaId: query.areaId };
  if (query.stationId) return { stationId: query.stationId };
  return {};
}

export interface RoundRow {
  roundId: string;
  title: string;
  /** 江南区 · 2026年度. */
  meta: string;
  stageLabel: string;
  /** Running rounds stand out from finished ones. */
  running: boolean;
}

export function toRoundRow(round: RoundView): RoundRow {
  return {
    roundId: round.roundId,
    title: round.title,
    meta: `${round.areaName} · ${round.year}年度`,
    stageLabel: round.stageLabel,
    running: round.stage !== 'closed',
  };
}

export function roundUrl(roundId: string): string {
  return withQuery(SUBPACKAGE_PAGES.projectRound, { roundId });
}

export type RoundsState = PagedState<RoundRow>;

export function initialRoundsState(): RoundsState {
  return initialPagedState<RoundRow>();
}

/** 民生实事项目票决: the rounds of a place, running and finished, latest year first, a page at a time. */
export function createRounds(place: RoundsPlace, render: (change: Partial<RoundsState>) => void) {
  const list = createPagedList<RoundView, RoundRow>({
    fetch: (cursor) => callApi('project.listRounds', pageRequest(cursor, place)),
    toItem: toRoundRow,
    render,
  });
  return { ...list, open: (roundId: string) => navigateTo(roundUrl(roundId)) };
}
