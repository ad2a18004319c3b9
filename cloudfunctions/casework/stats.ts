import type { CaseStats, StatsScope } from '../../miniprogram/shared/contract/casework';
import { ratesFrom, type FigureCounts, type FigureRates } from '../../miniprogram/shared/domain/caseStats';
import { projectRatesFrom, type ProjectCounts, type ProjectRates } from '../../miniprogram/shared/domain/figures';
import type { CallContext } from '../core/handler';
import type { CaseWorker } from './access';
import { readCaseCounters } from '../core/caseCounters';
import { readVisitCounters } from '../core/visitCounters';
import { countProjects, type CaseCounts } from './figures';
import { createdWithin, statsTarget, type StatsRange, type StatsTarget } from './statsScope';

export interface StatsRequest extends StatsRange {
  scope?: StatsScope;
}

/** Every figure of a place and range: what staff statistics, exports and the public page all show. */
export interface Figures {
  counts: FigureCounts;
  rates: FigureRates;
  /** An area's 票决 projects; null for a station or a deputy. */
  projects: (ProjectCounts & ProjectRates) | null;
  /** Years of the range whose holidays nobody has recorded. */
  holidaysUnknownYears: number[];
}

/**
 * THE figures function: every count and rate of a place (already resolved and checked: staff
 * through statsTarget, the public through publicTarget) over a range of dates. Staff statistics,
 * the workbook and the public figures page all call this and nothing else, so they agree to the
 * unit. The case figures come from the place's counters (core/caseCounters.ts: the counter
 * documents of the range's months, and a count of cases that turned overdue since they were
 * counted), whatever the number of cases; the visits from the place's visit counters (core/
 * visitCounters.ts: the same months' documents), whatever the number of bookings and reception
 * records; the 票决 projects by aggregation, and the
 * holiday calendar, all together (five requests; four for a station or a deputy, which have no
 * 票决 rounds). 逾期 is counted against deadlines, which a year of unrecorded holidays makes
 * uncertain, and the answer says which years those are.
 */
export async function computeFigures(ctx: CallContext, target: StatsTarget, range: StatsRange): Promise<Figures> {
  const { db, now } = ctx;
  const [cases, visits, projects, calendar] = await Promise.all([
    countCasesFromCounters(db, target, range, now),
    readVisitCounters(db, target.counterKey, range),
    countProjects(db, target, range, now),
    ctx.calendar(),
  ]);
  const counts: FigureCounts = { ...visits, ...cases.counts };
  return {
    counts,
    rates: ratesFrom(counts, cases.firstResponseMs),
    projects: projects && { ...projects, ...projectRatesFrom(projects) },
    holidaysUnknownYears: calendar.unknownYears(range.from, range.to),
  };
}

/** The case figures of the target and range from its counters; the same numbers countCases (casework/figures.ts) aggregates from the cases. */
async function countCasesFromCounters(db: CallContext['db'], target: StatsTarget, range: StatsRange, now: Date): Promise<CaseCounts> {
  const values = await readCaseCounters(db, target.counterKey, db.command.and([target.opinions, createdWithin(db, range)]), range, now);
  const { firstResponseMs, ...counts } = values;
  return { counts, firstResponseMs };
}

/** Staff statistics: the place the caller asks for within their scope (one request), then computeFigures. */
export async function computeStats(ctx: CallContext, worker: CaseWorker, request: StatsRequest): Promise<{ stats: CaseStats; target: StatsTarget }> {
  const range = { from: request.from, to: request.to };
  const target = await statsTarget(ctx.db, worker, request.scope);
  const figures = await computeFigures(ctx, target, range);
  return {
    stats: { from: range.from, to: range.to, scope: target.view, ...figures, generatedAt: ctx.now.toISOString() },
    target,
  };
}
