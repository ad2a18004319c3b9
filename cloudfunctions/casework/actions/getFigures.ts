import { headlineValues, periodLabel, periodRange } from '../../../miniprogram/shared/domain/figures';
import type { Handler } from '../../core/handler';
import { computeFigures } from '../stats';
import { publicTarget } from '../statsScope';

/**
 * Anyone: the headline figures (进站人次, 接待选民, 收集意见, 办结, A类件率, 满意率, and for an area
 * 票决项目开工率/竣工率) of an area, a station or a deputy for a month or a year, from the same
 * computeFigures staff statistics and exports use. Five database requests for an area, four otherwise.
 */
export const getFigures: Handler<'casework.figures'> = async ({ scope, year, month }, ctx) => {
  const period = { year, month: month ?? null };
  const range = periodRange(period);
  const target = await publicTarget(ctx.db, scope);
  const figures = await computeFigures(ctx, target, range);
  return {
    scope: target.view,
    year,
    month: period.month,
    periodLabel: periodLabel(period),
    ...range,
    headlines: headlineValues(figures.counts, figures.rates, figures.projects),
    generatedAt: ctx.now.toISOString(),
  };
};
