import type { CaseStats, StatsScope } from '../../miniprogram/shared/contract/casework';
import { ratesFrom, type FigureCounts } from '../../miniprogram/shared/domain/caseStats';
import type { CallContext } from '../core/handler';
import type { CaseWorker } from './access';
import { countCases, countVisits } from './figures';
import { statsTarget, type StatsRange, type StatsTarget } from './statsScope';

export interface StatsRequest extends StatsRange {
  scope?: StatsScope;
}

/**
 * The figures and rates for a place and range: the place (one request), then both aggregations and
 * the holiday calendar together (three): 逾期 is counted against deadlines, which a year of unrecorded
 * holidays makes uncertain, and the answer says which years those are.
 */
export async function computeStats(ctx: CallContext, worker: CaseWorker, request: StatsRequest): Promise<{ stats: CaseStats; target: StatsTarget }> {
  const { db, now } = ctx;
  const range = { from: request.from, to: request.to };
  const target = await statsTarget(db, worker, request.scope);
  const [cases, visits, calendar] = await Promise.all([countCases(db, target, range, now), countVisits(db, target, range), ctx.calendar()]);
  const counts: FigureCounts = { ...visits, ...cases.counts };
  return {
    stats: {
      from: range.from,
      to: range.to,
      scope: target.view,
      counts,
      rates: ratesFrom(counts, cases.firstResponseMs),
      generatedAt: now.toISOString(),
      holidaysUnknownYears: calendar.unknownYears(range.from, range.to),
    },
    target,
  };
}
