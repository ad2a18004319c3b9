import { COLLECTIONS } from '../../infra/database';
import type { DayDocument, RecordDocument } from '../../infra/documents/booking';
import {
  activityView,
  contestView,
  leaveView,
  type ActivityDocument,
  type AttendanceDocument,
  type ContestDocument,
  type RulesDocument,
  type SettingsDocument,
} from '../../infra/documents/duty';
import type { OpinionDocument } from '../../infra/documents/opinions';
import type { SuggestionDocument } from '../../infra/documents/suggestions';
import type { DutyRecord, DutySettingsView } from '../../miniprogram/shared/contract/duty';
import { SATISFIED_RATINGS } from '../../miniprogram/shared/domain/casework';
import { ACTIVITY_TYPE_LABELS, contestWindowOpen, daysToAnswer, figuresOf, scoreYear, yearSpan, type DutyEntry, type PointsRules } from '../../miniprogram/shared/domain/duty';
import { shanghaiDate, shanghaiInstant, addDays } from '../../miniprogram/shared/domain/time';
import type { CallContext } from '../core/handler';
import type { DeputyPlace } from './access';

const READ_PAGE = 1000;

async function readAll<T>(query: { skip(n: number): { limit(n: number): { get(): Promise<{ data: unknown[] }> } } }): Promise<T[]> {
  const out: T[] = [];
  for (let skip = 0; skip < 20 * READ_PAGE; skip += READ_PAGE) {
    const { data } = await query.skip(skip).limit(READ_PAGE).get();
    out.push(...(data as T[]));
    if (data.length < READ_PAGE) break;
  }
  return out;
}

/** Everything a year's record is derived from, read in parallel (eight database requests, more for long years). */
export interface RecordSources {
  days: DayDocument[];
  attendance: AttendanceDocument[];
  receptions: RecordDocument[];
  opinions: OpinionDocument[];
  suggestions: SuggestionDocument[];
  activities: ActivityDocument[];
  contests: ContestDocument[];
}

export async function readSources(ctx: CallContext, deputyId: string, year: number): Promise<RecordSources> {
  const { db } = ctx;
  const _ = db.command;
  const { from, to } = yearSpan(year);
  const start = shanghaiInstant(from);
  const end = shanghaiInstant(addDays(to, 1));
  const [days, attendance, opinions, suggestions, activities, contests] = await Promise.all([
    readAll<DayDocument>(
      db
        .collection(COLLECTIONS.receptionDays)
        .where({ deputyIds: deputyId, date: _.gte(from).and(_.lte(to)) })
        .orderBy('date', 'asc')
        .orderBy('_id', 'asc'),
    ),
    readAll<AttendanceDocument>(
      db
        .collection(COLLECTIONS.dutyAttendance)
        .where({ deputyId, date: _.gte(from).and(_.lte(to)) })
        .orderBy('_id', 'asc'),
    ),
    readAll<OpinionDocument>(
      db
        .collection(COLLECTIONS.opinions)
        .where(
          _.and([
            _.or([{ deputyId }, { 'reply.deputyId': deputyId }, { 'forward.deputyId': deputyId }]),
            _.or([{ createdAt: _.gte(start).and(_.lt(end)) }, { closedAt: _.gte(start).and(_.lt(end)) }]),
          ]),
        )
        .orderBy('_id', 'asc')
        .field({ _id: 1, trackingNo: 1, deputyId: 1, createdAt: 1, reply: 1, forward: 1, status: 1, closedAt: 1, rating: 1 }),
    ),
    readAll<SuggestionDocument>(
      db
        .collection(COLLECTIONS.suggestions)
        .where(_.and([_.or([{ leadDeputyId: deputyId }, { coSignerIds: deputyId }]), { submittedAt: _.gte(start).and(_.lt(end)) }]))
        .orderBy('_id', 'asc')
        .field({ _id: 1, title: 1, leadDeputyId: 1, coSigners: 1, submittedAt: 1, status: 1 }),
    ),
    readAll<ActivityDocument>(
      db
        .collection(COLLECTIONS.dutyActivities)
        .where({ deputyIds: deputyId, date: _.gte(from).and(_.lte(to)) })
        .orderBy('date', 'asc')
        .orderBy('_id', 'asc'),
    ),
    readAll<ContestDocument>(db.collection(COLLECTIONS.dutyContests).where({ deputyId, year }).orderBy('createdAt', 'asc').orderBy('_id', 'asc')),
  ]);
  const dayIds = days.map((day) => day._id);
  const receptions =
    dayIds.length === 0
      ? []
      : await readAll<RecordDocument>(
          db
            .collection(COLLECTIONS.receptionRecords)
            .where({ dayId: _.in(dayIds) })
            .orderBy('_id', 'asc'),
        );
  return { days, attendance, receptions, opinions, suggestions, activities, contests };
}

/**
 * The entries of a deputy's year, each linked to what produced it. A roster day counts once it has
 * passed: on leave (approved) it is a leave day, recorded absent without approved leave a missed
 * day, else a day on duty; the residents received that day (reception records naming the deputy)
 * are one entry with their count.
 */
export function deriveEntries(deputyId: string, year: number, sources: RecordSources, today: string): DutyEntry[] {
  const { from, to } = yearSpan(year);
  const inYear = (date: string) => from <= date && date <= to;
  const attendance = new Map(sources.attendance.map((doc) => [doc.dayId, doc]));
  const entries: DutyEntry[] = [];
  for (const day of sources.days) {
    if (day.cancelled || day.date >= today) continue;
    const source = { kind: 'receptionDay' as const, id: day._id };
    const mark = attendance.get(day._id);
    if (mark?.leave?.status === 'approved') {
      entries.push({ id: `leaveDay:${day._id}`, kind: 'leaveDay', date: day.date, title: `${day.stationName}接待日请假`, source, count: 1 });
      continue;
    }
    if (mark?.absent) {
      entries.push({ id: `missedDay:${day._id}`, kind: 'missedDay', date: day.date, title: `${day.stationName}接待日缺席`, source, count: 1 });
      continue;
    }
    entries.push({ id: `dutyDay:${day._id}`, kind: 'dutyDay', date: day.date, title: `${day.stationName}进站接待`, source, count: 1 });
    const received = sources.receptions.filter((record) => record.dayId === day._id && record.deputyIds.includes(deputyId)).length;
    if (received > 0)
      entries.push({ id: `residentsReceived:${day._id}`, kind: 'residentsReceived', date: day.date, title: `${day.stationName}接待群众${received}人次`, source, count: received });
  }
  for (const opinion of sources.opinions) {
    const source = { kind: 'opinion' as const, id: opinion._id };
    const received = shanghaiDate(new Date(opinion.createdAt));
    if (opinion.deputyId === deputyId && inYear(received)) {
      entries.push({ id: `opinionReceived:${opinion._id}`, kind: 'opinionReceived', date: received, title: `收到群众意见 ${opinion.trackingNo}`, source, count: 1 });
    }
    if (opinion.reply?.deputyId === deputyId) {
      const date = shanghaiDate(new Date(opinion.reply.at));
      if (inYear(date)) {
        const replyDays = daysToAnswer(received, date);
        entries.push({
          id: `opinionReplied:${opinion._id}`,
          kind: 'opinionReplied',
          date,
          title: `答复群众意见 ${opinion.trackingNo}（${replyDays}天）`,
          source,
          count: 1,
          replyDays,
        });
      }
    }
    if (opinion.forward?.deputyId === deputyId) {
      const date = shanghaiDate(new Date(opinion.forward.at));
      if (inYear(date)) entries.push({ id: `opinionForwarded:${opinion._id}`, kind: 'opinionForwarded', date, title: `转交群众意见 ${opinion.trackingNo}`, source, count: 1 });
    }
    if (opinion.deputyId === deputyId && opinion.status === 'closed' && opinion.closedAt) {
      const date = shanghaiDate(new Date(opinion.closedAt));
      const value = opinion.rating?.value ?? 'none';
      const satisfied = value === 'none' ? null : SATISFIED_RATINGS.includes(value);
      const verdict = satisfied === null ? '未评价' : satisfied ? '群众满意' : '群众不满意';
      if (inYear(date))
        entries.push({ id: `caseClosed:${opinion._id}`, kind: 'caseClosed', date, title: `群众意见 ${opinion.trackingNo} 办结，${verdict}`, source, count: 1, satisfied });
    }
  }
  for (const suggestion of sources.suggestions) {
    if (!suggestion.submittedAt || suggestion.status === 'draft') continue;
    const date = shanghaiDate(new Date(suggestion.submittedAt));
    const source = { kind: 'suggestion' as const, id: suggestion._id };
    if (suggestion.leadDeputyId === deputyId)
      entries.push({ id: `suggestionLed:${suggestion._id}`, kind: 'suggestionLed', date, title: `领衔提出建议《${suggestion.title}》`, source, count: 1 });
    else if (suggestion.coSigners.some((c) => c.deputyId === deputyId && c.state === 'accepted')) {
      entries.push({ id: `suggestionCoSigned:${suggestion._id}`, kind: 'suggestionCoSigned', date, title: `联名提出建议《${suggestion.title}》`, source, count: 1 });
    }
  }
  for (const activity of sources.activities) {
    if (activity.status !== 'confirmed') continue;
    entries.push({
      id: `activity:${activity._id}`,
      kind: 'activity',
      date: activity.date,
      title: `${ACTIVITY_TYPE_LABELS[activity.type]}：${activity.place}`,
      source: { kind: 'activity', id: activity._id },
      count: 1,
      activityType: activity.type,
    });
  }
  return entries;
}

/** Entries an upheld contest of 错 or 重 struck out. */
export function struckEntries(contests: readonly ContestDocument[]): Set<string> {
  return new Set(contests.filter((contest) => contest.status === 'upheld' && contest.entryId && contest.kind !== 'missing').map((contest) => contest.entryId as string));
}

/**
 * The rules versions and settings that apply at `areaPath`. Rules: each area's versions take over
 * from its first one's date, and until then the versions of the areas above it apply, so an area
 * writing its own rules does not change the years scored under its parent's. Settings: those of the
 * nearest area that has some.
 */
export async function readRules(ctx: CallContext, areaPath: readonly string[]): Promise<{ versions: RulesDocument[]; settings: DutySettingsView; settingsAreaId: string | null }> {
  const _ = ctx.db.command;
  if (areaPath.length === 0) return { versions: [], settings: { areaId: '', contestFrom: null, contestUntil: null, rankingShown: false }, settingsAreaId: null };
  const { data } = await ctx.db
    .collection(COLLECTIONS.dutyRules)
    .where({ areaId: _.in([...areaPath]) })
    .limit(1000)
    .get();
  const docs = data as Array<RulesDocument | SettingsDocument>;
  const nearest = <T extends { areaId: string }>(rows: T[]): T[] => {
    for (const areaId of [...areaPath].reverse()) {
      const here = rows.filter((row) => row.areaId === areaId);
      if (here.length > 0) return here;
    }
    return [];
  };
  const byDate = (a: RulesDocument, b: RulesDocument) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1);
  let versions: RulesDocument[] = [];
  for (const areaId of areaPath) {
    const own = docs.filter((doc): doc is RulesDocument => doc.kind === 'rules' && doc.areaId === areaId).sort(byDate);
    const first = own[0]?.effectiveFrom;
    if (first) versions = [...versions.filter((version) => version.effectiveFrom < first), ...own];
  }
  const [settings] = nearest(docs.filter((doc): doc is SettingsDocument => doc.kind === 'settings'));
  const areaId = areaPath[areaPath.length - 1] as string;
  return {
    versions,
    settings: settings
      ? { areaId: settings.areaId, contestFrom: settings.contestFrom, contestUntil: settings.contestUntil, rankingShown: settings.rankingShown }
      : { areaId, contestFrom: null, contestUntil: null, rankingShown: false },
    settingsAreaId: settings?.areaId ?? null,
  };
}

export const rulesOf = (doc: RulesDocument): PointsRules => ({ effectiveFrom: doc.effectiveFrom, rules: doc.rules, missedDayPenalty: doc.missedDayPenalty });

/** Deputies' records built at once where a job builds many: each takes several database requests. */
export const RECORDS_AT_ONCE = 8;

/** A deputy's year as they and staff see it. */
export async function buildRecord(ctx: CallContext, deputy: DeputyPlace, year: number): Promise<DutyRecord> {
  const today = shanghaiDate(ctx.now);
  const [sources, rules] = await Promise.all([readSources(ctx, deputy.deputyId, year), readRules(ctx, deputy.areaPath)]);
  const entries = deriveEntries(deputy.deputyId, year, sources, today);
  const struck = struckEntries(sources.contests);
  const score = scoreYear(year, entries, rules.versions.map(rulesOf), struck);
  const lines = new Map(score.lines.map((line) => [line.entryId, line]));
  const window = rules.settings.contestFrom && rules.settings.contestUntil ? { from: rules.settings.contestFrom, until: rules.settings.contestUntil } : null;
  return {
    deputyId: deputy.deputyId,
    deputyName: deputy.name,
    year,
    entries: score.lines.map((line) => {
      const entry = entries.find((candidate) => candidate.id === line.entryId) as DutyEntry;
      return { ...entry, struck: struck.has(entry.id), points: lines.get(entry.id)?.points ?? 0, reason: lines.get(entry.id)?.reason ?? '' };
    }),
    score,
    figures: figuresOf(entries, struck),
    activities: sources.activities.map(activityView),
    contests: sources.contests.map(contestView),
    leaves: sources.attendance.flatMap((doc) => {
      const view = leaveView(doc);
      return view ? [view] : [];
    }),
    contestWindow: window,
    contestOpen: contestWindowOpen(window, today),
    rankings: [],
  };
}
