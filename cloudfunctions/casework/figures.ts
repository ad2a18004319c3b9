import { COLLECTIONS } from '../../infra/database';
import { CASE_FIGURES, FIGURE_PREDICATES, type CaseFigure, type CasePredicate, type FigureCounts } from '../../miniprogram/shared/domain/caseStats';
import type { Database } from '../core/cloud';
import { createdWithin, datedWithin, type StatsRange, type StatsTarget } from './statsScope';

/**
 * Each figure's predicate (shared/domain/caseStats.ts) in the two forms the database takes: a
 * query, to list the cases behind a figure, and an aggregation expression, to count them all in
 * one pass. Both are written side by side so they cannot drift apart; a test checks every figure
 * against its drill-down.
 */

/** The predicate as a query condition on opinions. */
export function predicateQuery(db: Database, predicate: CasePredicate, now: Date): Record<string, unknown> {
  const _ = db.command;
  switch (predicate.kind) {
    case 'all':
      return {};
    case 'set':
      return { [predicate.field]: _.neq(null) };
    case 'in':
      return { [predicate.field]: _.in([...predicate.values]) };
    case 'nonEmpty':
      return { [`${predicate.field}.0`]: _.exists(true) };
    case 'pastDue':
      return { [predicate.field]: _.neq(null).and(_.lt(now)) };
    case 'positive':
      return { [predicate.field]: _.gt(0) };
    case 'or':
      return _.or(predicate.of.map((inner) => predicateQuery(db, inner, now))) as unknown as Record<string, unknown>;
  }
}

/** The predicate as an aggregation expression (true/false) over one opinion. A missing field counts as null. */
export function predicateExpression(predicate: CasePredicate, now: Date): unknown {
  const value = (field: string, otherwise: unknown = null) => ({ $ifNull: [`$${field}`, otherwise] });
  switch (predicate.kind) {
    case 'all':
      return true;
    case 'set':
      return { $ne: [value(predicate.field), null] };
    case 'in':
      return { $in: [value(predicate.field), [...predicate.values]] };
    case 'nonEmpty':
      return { $gt: [{ $size: value(predicate.field, []) }, 0] };
    case 'pastDue':
      return { $and: [{ $ne: [value(predicate.field), null] }, { $lt: [`$${predicate.field}`, now] }] };
    case 'positive':
      return { $gt: [value(predicate.field, 0), 0] };
    case 'or':
      return { $or: predicate.of.map((inner) => predicateExpression(inner, now)) };
  }
}

export function figureQuery(db: Database, figure: CaseFigure, now: Date): Record<string, unknown> {
  return predicateQuery(db, FIGURE_PREDICATES[figure], now);
}

export interface CaseCounts {
  counts: Record<CaseFigure, number>;
  /** Milliseconds from submission to first response, summed over accepted cases. */
  firstResponseMs: number;
}

/** Every case figure of the target and range in one aggregation ($match on indexed fields, then $group). One request. */
export async function countCases(db: Database, target: StatsTarget, range: StatsRange, now: Date): Promise<CaseCounts> {
  const _ = db.command;
  const group: Record<string, unknown> = { _id: null };
  for (const figure of CASE_FIGURES) group[figure] = { $sum: { $cond: [predicateExpression(FIGURE_PREDICATES[figure], now), 1, 0] } };
  group.firstResponseMs = {
    $sum: { $cond: [predicateExpression(FIGURE_PREDICATES.accepted, now), { $subtract: ['$acceptedAt', '$createdAt'] }, 0] },
  };
  const { data } = await db
    .collection(COLLECTIONS.opinions)
    .aggregate()
    .match(_.and([target.opinions, createdWithin(db, range)]))
    .group(group)
    .end();
  const row = (data as Array<Record<string, number>>)[0] ?? {};
  const counts = Object.fromEntries(CASE_FIGURES.map((figure) => [figure, row[figure] ?? 0])) as Record<CaseFigure, number>;
  return { counts, firstResponseMs: row.firstResponseMs ?? 0 };
}

/**
 * The reception days of the target and range, each joined with its check-ins (进站: booked and
 * checked in, or walked in) and its reception records (接待; for a deputy, the ones they took part in).
 */
export function visitPipeline(db: Database, target: StatsTarget, range: StatsRange) {
  const _ = db.command;
  const $ = _.aggregate;
  const recordOfDay = target.deputyId ? $.and([$.eq(['$dayId', '$$dayId']), $.in([target.deputyId, '$deputyIds'])]) : $.eq(['$dayId', '$$dayId']);
  return db
    .collection(COLLECTIONS.receptionDays)
    .aggregate()
    .match(_.and([target.days, datedWithin(db, range)]))
    .lookup({
      from: COLLECTIONS.bookings,
      let: { dayId: '$_id' },
      pipeline: $.pipeline()
        .match(_.expr($.and([$.eq(['$dayId', '$$dayId']), $.eq(['$status', 'checkedIn'])])))
        .project({ _id: 1, kind: 1, name: 1, topic: 1, checkedInAt: 1 })
        .done(),
      as: 'visits',
    })
    .lookup({
      from: COLLECTIONS.receptionRecords,
      let: { dayId: '$_id' },
      pipeline: $.pipeline().match(_.expr(recordOfDay)).project({ _id: 1, visitorName: 1, deputyIds: 1, items: 1, recordedAt: 1 }).done(),
      as: 'receptions',
    });
}

/** 进站人次 and 接待人次 in one aggregation. One request. */
export async function countVisits(db: Database, target: StatsTarget, range: StatsRange): Promise<Pick<FigureCounts, 'stationVisits' | 'residentsReceived'>> {
  const { data } = await visitPipeline(db, target, range)
    .group({ _id: null, stationVisits: { $sum: { $size: '$visits' } }, residentsReceived: { $sum: { $size: '$receptions' } } })
    .end();
  const row = (data as Array<{ stationVisits?: number; residentsReceived?: number }>)[0];
  return { stationVisits: row?.stationVisits ?? 0, residentsReceived: row?.residentsReceived ?? 0 };
}
