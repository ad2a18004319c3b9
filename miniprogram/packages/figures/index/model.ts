import { appClock } from '../../../services/clock';
import { callApi } from '../../../services/api';
import { navigateTo } from '../../../services/wx';
import type { PublicDrill } from '../../../shared/domain/figures';
import { failed, loading, settle, type Loaded } from '../../../utils/load-state';
import { figureItemsUrl, periodFromQuery, periodOf, PERIOD_CHOICES, scopeFromQuery, todayIn, toFiguresView, type FiguresView, type PeriodChoice } from '../model';

export interface FiguresState extends Loaded<FiguresView> {
  periods: ReadonlyArray<{ value: PeriodChoice; label: string }>;
  /** '' when the page was opened for a period none of the choices names. */
  period: PeriodChoice | '';
}

export function initialFiguresState(): FiguresState {
  return { ...loading<FiguresView>(), periods: PERIOD_CHOICES, period: 'thisMonth' };
}

type Query = { areaId?: string; stationId?: string; deputyId?: string; year?: string; month?: string };

/** The figures page: one call (casework.figures) for the first screen; another period, another call. */
export function createFigures(query: Query, render: (change: Partial<FiguresState>) => void) {
  const scope = scopeFromQuery(query);
  const asked = periodFromQuery(query);
  let period = asked ?? periodOf('thisMonth', todayIn(appClock.now()));
  let choice: PeriodChoice | '' = asked ? '' : 'thisMonth';

  async function load(): Promise<void> {
    if (!scope) return render(failed('COMMON.NOT_FOUND'));
    render({ ...loading<FiguresView>(), period: choice });
    const payload = period.month ? { scope, year: period.year, month: period.month } : { scope, year: period.year };
    render(await settle(() => callApi('casework.figures', payload), toFiguresView));
  }

  return {
    load,
    choose(next: PeriodChoice): Promise<void> {
      choice = next;
      period = periodOf(next, todayIn(appClock.now()));
      return load();
    },
    open(drill: PublicDrill): Promise<void> | undefined {
      if (!scope) return undefined;
      return navigateTo(figureItemsUrl(scope, period, drill));
    },
  };
}
