import { COLLECTIONS } from '../../infra/database';
import { CASE_FIGURES, FIGURE_PREDICATES, type CaseFigure, type FigureCounts } from '../../miniprogram/shared/domain/caseStats';
import type { ProjectCounts } from '../../miniprogram/shared/domain/figures';
import { addDays, shanghaiDate, shanghaiInstant, yearsBetween } from '../../miniprogram/shared/domain/time';
import type { Database } from '../core/cloud';
import { predicateExpression, predicateQuery } from '../core/figurePredicates';
import { createdWithin, datedWithin, type StatsRange, type StatsTarget } from './statsScope';

export function figureQuery(db: Database, figure: CaseFigure, now: Date): Record<string, unknown> {
  return predicateQuery(db, FIGURE_PREDICATES[figure], now);
}

export interface CaseCounts {
  counts: Record<CaseFigure, number>;
  /** Milliseconds from submission to first response, summed over accepted cases. */
  firstResponseMs: number;
}

/**
 * Every case figure of the target and range in one aggregation ($match on indexed fields, then
 * $group), reading every case of the place: the recount the statistics counters
 * (core/caseCounters.ts) must always equal, as the tests and the repair check. One request.
 */
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
function visitPipeline(db: Database, target: StatsTarget, range: StatsRange) {
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

/** A check-in (`$visits`) or a reception record (`$receptions`) of a reception day, with the day's date and station. */
export type VisitEntry<Row> = Row & { date: string; stationId: string; stationName: string };

/**
 * The check-ins or the reception records of the days in the target and range, by date and station,
 * from `offset`: up to `pageSize` and one more, which tells there is a next page. One request.
 */
export async function readVisitEntries<Row>(
  db: Database,
  target: StatsTarget,
  range: StatsRange,
  joined: '$visits' | '$receptions',
  offset: number,
  pageSize: number,
): Promise<Array<VisitEntry<Row>>> {
  const { data } = await visitPipeline(db, target, range)
    .unwind(joined)
    .replaceRoot({ newRoot: { $mergeObjects: [joined, { date: '$date', stationId: '$stationId', stationName: '$stationName' }] } })
    .sort({ date: 1, stationId: 1, _id: 1 })
    .skip(offset)
    .limit(pageSize + 1)
    .end();
  return data as Array<VisitEntry<Row>>;
}

/**
 * 进站人次 and 接待人次 in one aggregation over the reception days of the target and range, their
 * bookings and records: the recount the visit counters (core/visitCounters.ts, which statistics
 * read) must always equal, as the tests check. One request.
 */
export async function countVisits(db: Database, target: StatsTarget, range: StatsRange): Promise<Pick<FigureCounts, 'stationVisits' | 'residentsReceived'>> {
  const { data } = await visitPipeline(db, target, range)
    .group({ _id: null, stationVisits: { $sum: { $size: '$visits' } }, residentsReceived: { $sum: { $size: '$receptions' } } })
    .end();
  const row = (data as Array<{ stationVisits?: number; residentsReceived?: number }>)[0];
  return { stationVisits: row?.stationVisits ?? 0, residentsReceived: row?.residentsReceived ?? 0 };
}

/** The end of the range: the first instant after its last day. */
export function rangeEnd(range: StatsRange): Date {
  return shanghaiInstant(addDays(range.to, 1));
}

/** The target area's rounds (the area and every area below it) of the range's years, each with its chosen projects. */
function roundsWithChosen(db: Database, rounds: object, range: StatsRange) {
  const _ = db.command;
  const $ = _.aggregate;
  return db
    .collection(COLLECTIONS.projectRounds)
    .aggregate()
    .match(_.and([rounds, { year: _.in(yearsBetween(range.from, range.to)) }]))
    .lookup({
      from: COLLECTIONS.projectCandidates,
      let: { roundId: '$_id' },
      pipeline: $.pipeline()
        .match(_.expr($.and([$.eq(['$roundId', '$$roundId']), $.eq(['$chosen', true])])))
        .project({ _id: 1, title: 1, place: 1, unitName: 1, percent: 1, startedAt: 1, completedAt: 1, ratings: 1 })
        .done(),
      as: 'chosen',
    });
}

/**
 * The 票决 projects chosen in the target area's rounds (the area and every area below it) of the
 * range's years, one document each, with the round's year. Only for an area target.
 */
export function chosenProjectsPipeline(db: Database, rounds: object, range: StatsRange) {
  return roundsWithChosen(db, rounds, range)
    .unwind('$chosen')
    .replaceRoot({ newRoot: { $mergeObjects: ['$chosen', { year: '$year' }] } });
}

/** An expression: the date field is set and falls before the end of the range. */
function reachedBy(field: string, end: Date): unknown {
  return { $and: [{ $ne: [{ $ifNull: [`$${field}`, null] }, null] }, { $lt: [`$${field}`, end] }] };
}

/**
 * 票决 rounds, projects chosen, started and completed by the end of the range, and the year-end
 * ratings of rounds whose rating has closed (published: roundStage 'closed'), in one aggregation;
 * null when the target is no area.
 */
export async function countProjects(db: Database, target: StatsTarget, range: StatsRange, now: Date): Promise<ProjectCounts | null> {
  if (!target.rounds) return null;
  const end = rangeEnd(range);
  const isProject = { $ne: [{ $ifNull: ['$chosen._id', null] }, null] };
  const published = { $and: [isProject, { $lt: ['$ratingUntil', shanghaiDate(now)] }] };
  const rating = (key: string) => ({ $ifNull: [`$chosen.ratings.${key}`, 0] });
  const { data } = await roundsWithChosen(db, target.rounds, range)
    .unwind({ path: '$chosen', preserveNullAndEmptyArrays: true })
    .group({
      _id: null,
      rounds: { $addToSet: '$_id' },
      chosen: { $sum: { $cond: [isProject, 1, 0] } },
      started: { $sum: { $cond: [reachedBy('chosen.startedAt', end), 1, 0] } },
      completed: { $sum: { $cond: [reachedBy('chosen.completedAt', end), 1, 0] } },
      rated: { $sum: { $cond: [published, { $add: [rating('satisfied'), rating('basicallySatisfied'), rating('dissatisfied')] }, 0] } },
      satisfied: { $sum: { $cond: [published, { $add: [rating('satisfied'), rating('basicallySatisfied')] }, 0] } },
    })
    .end();
  const row = (data as Array<Partial<Omit<ProjectCounts, 'rounds'>> & { rounds?: string[] }>)[0];
  return {
    rounds: row?.rounds?.length ?? 0,
    chosen: row?.chosen ?? 0,
    started: row?.started ?? 0,
    completed: row?.completed ?? 0,
    rated: row?.rated ?? 0,
    satisfied: row?.satisfied ?? 0,
  };
}
