import { addDays, daysBetween } from './time';

/**
 * 代表履职: the duty record (履职档案) a deputy's work leaves behind, its points (积分) under rules an
 * area's staff keep as dated versions, the figures shown to residents (亮分) and the tally of a
 * report to voters (述职评议). Pure: every function takes plain data and answers plain data, so the
 * same inputs always give the same record, score and figures.
 */

/** What produced an entry of the record. */
export const ENTRY_KINDS = [
  'dutyDay',
  'missedDay',
  'leaveDay',
  'residentsReceived',
  'opinionReceived',
  'opinionReplied',
  'opinionForwarded',
  'caseClosed',
  'suggestionLed',
  'suggestionCoSigned',
  'activity',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const ENTRY_KIND_LABELS: Record<EntryKind, string> = {
  dutyDay: '进站接待',
  missedDay: '缺席接待日',
  leaveDay: '请假',
  residentsReceived: '接待群众',
  opinionReceived: '收到群众意见',
  opinionReplied: '答复群众意见',
  opinionForwarded: '转交群众意见',
  caseClosed: '意见办结',
  suggestionLed: '领衔提出建议',
  suggestionCoSigned: '联名提出建议',
  activity: '履职活动',
};

/** Activities outside the product, added by the deputy (confirmed by staff) or by staff for a group. */
export const ACTIVITY_TYPES = ['inspection', 'research', 'meeting', 'training', 'votersMeeting', 'officialsMeeting'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
export const ACTIVITY_TYPE_LABELS: Record<ActivityType, string> = {
  inspection: '视察',
  research: '调研',
  meeting: '会议',
  training: '培训',
  votersMeeting: '代表·选民面对面',
  officialsMeeting: '代表·局长面对面',
};
/** Where activity photos go in cloud storage (the contract accepts fileIDs under it only). */
export const DUTY_PHOTO_FOLDER = 'duty-photos/';
export const ACTIVITY_PHOTOS_MAX = 9;
export type ActivityStatus = 'pending' | 'confirmed' | 'rejected';
export const ACTIVITY_STATUS_LABELS: Record<ActivityStatus, string> = { pending: '待工作人员确认', confirmed: '已确认', rejected: '未确认' };

/** What links an entry to the thing that produced it. */
export type EntrySourceKind = 'receptionDay' | 'opinion' | 'suggestion' | 'activity';

export interface DutyEntry {
  /** Stable: `<kind>:<source id>`, so contests and explanations point at the same entry on every read. */
  id: string;
  kind: EntryKind;
  /** Shanghai date, YYYY-MM-DD. */
  date: string;
  title: string;
  source: { kind: EntrySourceKind; id: string };
  /** How many (residents received on a day); 1 otherwise. */
  count: number;
  activityType?: ActivityType;
  /** Days from an opinion's arrival to the deputy's reply. */
  replyDays?: number;
  /** A closed case's rating by the resident. */
  satisfied?: boolean | null;
}

// ---------------------------------------------------------------------------------------------
// Contests (错、重、漏)

export const CONTEST_KINDS = ['wrong', 'double', 'missing'] as const;
export type ContestKind = (typeof CONTEST_KINDS)[number];
export const CONTEST_KIND_LABELS: Record<ContestKind, string> = { wrong: '错', double: '重', missing: '漏' };
export type ContestStatus = 'open' | 'upheld' | 'dismissed';
export const CONTEST_STATUS_LABELS: Record<ContestStatus, string> = { open: '待工作人员处理', upheld: '已采纳', dismissed: '未采纳' };

/** Whether `today` is inside the contest window staff set (both dates included); no window, no contest. */
export function contestWindowOpen(window: { from: string; until: string } | null, today: string): boolean {
  return !!window && window.from <= today && today <= window.until;
}

// ---------------------------------------------------------------------------------------------
// Points rules, versioned by date

/** Points per entry kind (and per activity type), with an optional cap per year. */
export interface PointsRule {
  points: number;
  /** Most points of this kind counted in one year; null: no cap. */
  capPerYear: number | null;
}

/** Entries that score nothing of their own: a missed day (a deduction), leave, and an activity (its type scores). */
const UNSCORED_KINDS = ['missedDay', 'leaveDay', 'activity'] as const satisfies readonly EntryKind[];
type UnscoredKind = (typeof UNSCORED_KINDS)[number];
export type ScoredKind = Exclude<EntryKind, UnscoredKind> | `activity.${ActivityType}`;
export const SCORED_KINDS: readonly ScoredKind[] = [
  ...ENTRY_KINDS.filter((kind): kind is Exclude<EntryKind, UnscoredKind> => !(UNSCORED_KINDS as readonly EntryKind[]).includes(kind)),
  ...ACTIVITY_TYPES.map((type): ScoredKind => `activity.${type}`),
];

export interface PointsRules {
  /** The first Shanghai date these rules apply to; they apply until the next version's. */
  effectiveFrom: string;
  rules: Record<ScoredKind, PointsRule>;
  /** Points taken off for a duty day missed without approved leave (a positive number). */
  missedDayPenalty: number;
}

/** What applies where staff have written no rules: a starting point, stated openly. */
export const DEFAULT_POINTS_RULES: PointsRules = {
  effectiveFrom: '2000-01-01',
  rules: {
    dutyDay: { points: 3, capPerYear: null },
    residentsReceived: { points: 1, capPerYear: 30 },
    opinionReceived: { points: 0, capPerYear: null },
    opinionReplied: { points: 1, capPerYear: 20 },
    opinionForwarded: { points: 1, capPerYear: 10 },
    caseClosed: { points: 1, capPerYear: 20 },
    suggestionLed: { points: 5, capPerYear: 25 },
    suggestionCoSigned: { points: 2, capPerYear: 10 },
    'activity.inspection': { points: 3, capPerYear: 15 },
    'activity.research': { points: 3, capPerYear: 15 },
    'activity.meeting': { points: 2, capPerYear: 20 },
    'activity.training': { points: 2, capPerYear: 10 },
    'activity.votersMeeting': { points: 4, capPerYear: 20 },
    'activity.officialsMeeting': { points: 4, capPerYear: 20 },
  },
  missedDayPenalty: 2,
};

/** The version in force on `date`: the latest one starting on or before it, else the defaults. */
export function rulesOn(versions: readonly PointsRules[], date: string): PointsRules {
  let found: PointsRules | null = null;
  for (const version of versions) if (version.effectiveFrom <= date && (!found || version.effectiveFrom > found.effectiveFrom)) found = version;
  return found ?? DEFAULT_POINTS_RULES;
}

export function scoredKindOf(entry: Pick<DutyEntry, 'kind' | 'activityType'>): ScoredKind | null {
  if (entry.kind === 'missedDay' || entry.kind === 'leaveDay') return null;
  if (entry.kind === 'activity') return entry.activityType ? `activity.${entry.activityType}` : null;
  return entry.kind;
}

export interface ScoreLine {
  entryId: string;
  date: string;
  label: string;
  points: number;
  /** Why: the rule, its version, a cap reached, a penalty, an upheld contest. */
  reason: string;
}

export interface Score {
  year: number;
  total: number;
  lines: ScoreLine[];
}

/** Entries in the order points are counted: by date, then by id. Caps fill in this order. */
export function sortEntries(entries: readonly DutyEntry[]): DutyEntry[] {
  return [...entries].sort((a, b) => (a.date === b.date ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.date < b.date ? -1 : 1));
}

/**
 * The year's score, line by line. Each entry is counted under the rules version in force on its
 * date; a cap counts per year and per kind, filled in date order; a missed day without approved
 * leave takes the penalty off; entries struck by an upheld contest (错、重) count nothing, and say so.
 */
export function scoreYear(year: number, entries: readonly DutyEntry[], versions: readonly PointsRules[], struck: ReadonlySet<string> = new Set()): Score {
  const used = new Map<ScoredKind, number>();
  const lines: ScoreLine[] = [];
  for (const entry of sortEntries(entries)) {
    const rules = rulesOn(versions, entry.date);
    const version = rules === DEFAULT_POINTS_RULES ? '默认规则' : `${rules.effectiveFrom}起施行的规则`;
    const label = entry.title;
    if (struck.has(entry.id)) {
      lines.push({ entryId: entry.id, date: entry.date, label, points: 0, reason: '经核实有误，不计分' });
      continue;
    }
    if (entry.kind === 'missedDay') {
      lines.push({ entryId: entry.id, date: entry.date, label, points: -rules.missedDayPenalty, reason: `未请假缺席接待日，按${version}扣${rules.missedDayPenalty}分` });
      continue;
    }
    if (entry.kind === 'leaveDay') {
      lines.push({ entryId: entry.id, date: entry.date, label, points: 0, reason: '已请假，不扣分' });
      continue;
    }
    const kind = scoredKindOf(entry);
    if (!kind) continue;
    const rule = rules.rules[kind];
    const wanted = rule.points * entry.count;
    const before = used.get(kind) ?? 0;
    const room = rule.capPerYear === null ? wanted : Math.max(0, Math.min(wanted, rule.capPerYear - before));
    used.set(kind, before + room);
    const each = entry.count > 1 ? `每人次${rule.points}分×${entry.count}` : `${rule.points}分`;
    const reason = room === wanted ? `按${version}计${each}` : `按${version}计${each}，本年已达上限${rule.capPerYear}分，计${room}分`;
    lines.push({ entryId: entry.id, date: entry.date, label, points: room, reason });
  }
  return { year, total: lines.reduce((sum, line) => sum + line.points, 0), lines };
}

/** Whether a rules version is sound: non-negative points and caps, a non-negative penalty. */
export function validRules(rules: PointsRules): boolean {
  return (
    rules.missedDayPenalty >= 0 &&
    SCORED_KINDS.every((kind) => rules.rules[kind] && rules.rules[kind].points >= 0 && (rules.rules[kind].capPerYear === null || rules.rules[kind].capPerYear >= 0))
  );
}

// ---------------------------------------------------------------------------------------------
// 亮分: this year's figures in plain words

export interface DutyFigures {
  dutyDays: number;
  residentsReceived: number;
  opinionsReceived: number;
  opinionsAnswered: number;
  /** Median days from an opinion's arrival to the deputy's reply; null with no replies. */
  medianReplyDays: number | null;
  /** Rated cases whose resident was satisfied or basically satisfied, in percent; null with none rated. */
  satisfiedPercent: number | null;
  suggestions: number;
  activities: number;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The figures of a record (struck entries left out). */
export function figuresOf(entries: readonly DutyEntry[], struck: ReadonlySet<string> = new Set()): DutyFigures {
  const counted = entries.filter((entry) => !struck.has(entry.id));
  const of = (kind: EntryKind) => counted.filter((entry) => entry.kind === kind);
  const rated = of('caseClosed').filter((entry) => entry.satisfied !== null && entry.satisfied !== undefined);
  return {
    dutyDays: of('dutyDay').length,
    residentsReceived: of('residentsReceived').reduce((sum, entry) => sum + entry.count, 0),
    opinionsReceived: of('opinionReceived').length,
    opinionsAnswered: of('opinionReplied').length + of('opinionForwarded').length,
    medianReplyDays: median(of('opinionReplied').map((entry) => entry.replyDays ?? 0)),
    satisfiedPercent: rated.length === 0 ? null : Math.round((rated.filter((entry) => entry.satisfied).length / rated.length) * 100),
    suggestions: of('suggestionLed').length + of('suggestionCoSigned').length,
    activities: of('activity').length,
  };
}

/** The figures as sentences a resident reads on the deputy's page. */
export function figureSentences(figures: DutyFigures, year: number): string[] {
  const sentences = [`${year}年进站接待${figures.dutyDays}天，接待群众${figures.residentsReceived}人次。`];
  if (figures.opinionsReceived > 0 || figures.opinionsAnswered > 0) {
    const speed = figures.medianReplyDays === null ? '' : `，一般${figures.medianReplyDays}天内答复`;
    sentences.push(`收到群众意见${figures.opinionsReceived}条，答复或转交${figures.opinionsAnswered}条${speed}。`);
  }
  if (figures.satisfiedPercent !== null) sentences.push(`群众评价满意（含基本满意）的占${figures.satisfiedPercent}%。`);
  if (figures.suggestions > 0) sentences.push(`提出或联名代表建议${figures.suggestions}件。`);
  if (figures.activities > 0) sentences.push(`参加视察、调研等履职活动${figures.activities}次。`);
  return sentences;
}

/** Days between two instants' Shanghai dates. */
export function daysToAnswer(receivedOn: string, answeredOn: string): number {
  return Math.max(0, daysBetween(receivedOn, answeredOn));
}

/**
 * Rank of each id by score (highest first; equal scores share a rank), within the group given:
 * callers pass one station's or one area's deputies, never more.
 */
export function rankWithin(scores: ReadonlyArray<{ id: string; total: number }>): Map<string, { rank: number; of: number }> {
  const sorted = [...scores].sort((a, b) => b.total - a.total || (a.id < b.id ? -1 : 1));
  const out = new Map<string, { rank: number; of: number }>();
  sorted.forEach((row, index) => {
    const previous = sorted[index - 1];
    const rank = previous && previous.total === row.total ? (out.get(previous.id)?.rank ?? index + 1) : index + 1;
    out.set(row.id, { rank, of: sorted.length });
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// 星级联络站: a published rubric over a station's figures

export interface StationFigures {
  receptionDays: number;
  residentsReceived: number;
  opinionsReceived: number;
  /** Opinions answered (replied, forwarded or accepted by staff) in percent; null with none received. */
  answeredPercent: number | null;
  satisfiedPercent: number | null;
}

export interface StarCriterion {
  label: string;
  met: (figures: StationFigures) => boolean;
}

/** One star each, published as written (duty.figures returns the labels). */
export const STAR_RUBRIC: readonly StarCriterion[] = [
  { label: '全年开放接待日不少于12天', met: (f) => f.receptionDays >= 12 },
  { label: '全年接待群众不少于50人次', met: (f) => f.residentsReceived >= 50 },
  { label: '群众意见答复率不低于90%', met: (f) => f.answeredPercent !== null && f.answeredPercent >= 90 },
  { label: '群众满意率（含基本满意）不低于85%', met: (f) => f.satisfiedPercent !== null && f.satisfiedPercent >= 85 },
  { label: '收到群众意见不少于20条', met: (f) => f.opinionsReceived >= 20 },
];

export function starsOf(figures: StationFigures): { stars: number; met: string[] } {
  const met = STAR_RUBRIC.filter((criterion) => criterion.met(figures)).map((criterion) => criterion.label);
  return { stars: met.length, met };
}

// ---------------------------------------------------------------------------------------------
// 述职评议

export const REVIEW_RATINGS = ['satisfied', 'basicallySatisfied', 'dissatisfied'] as const;
export type ReviewRating = (typeof REVIEW_RATINGS)[number];
export const REVIEW_RATING_LABELS: Record<ReviewRating, string> = { satisfied: '满意', basicallySatisfied: '基本满意', dissatisfied: '不满意' };
export const REVIEW_AUDIENCES = ['constituents', 'stationVisitors'] as const;
export type ReviewAudience = (typeof REVIEW_AUDIENCES)[number];
export const REVIEW_AUDIENCE_LABELS: Record<ReviewAudience, string> = {
  constituents: '在本选区联络站使用过小程序的群众',
  stationVisitors: '扫描联络站二维码的所有群众',
};

export type ReviewPhase = 'notYet' | 'open' | 'ended';
export const REVIEW_PHASE_LABELS: Record<ReviewPhase, string> = { notYet: '尚未开始', open: '评议中', ended: '已结束' };
export function reviewPhase(period: { opensOn: string; closesOn: string }, today: string): ReviewPhase {
  if (today < period.opensOn) return 'notYet';
  return today <= period.closesOn ? 'open' : 'ended';
}

export const REPORT_TEXT_MAX = 5000;
export const REVIEW_COMMENT_MAX = 300;

/** The report a deputy starts from: the year's figures and their main activities, in plain words. */
export function draftReport(deputyName: string, year: number, figures: DutyFigures, entries: readonly DutyEntry[]): string {
  const activities = sortEntries(entries.filter((entry) => entry.kind === 'activity' || entry.kind === 'suggestionLed')).slice(-8);
  const lines = [`各位选民：`, `我是${deputyName}，现将${year}年履职情况报告如下。`, ...figureSentences(figures, year)];
  if (activities.length > 0) lines.push('主要履职活动：', ...activities.map((entry) => `${entry.date} ${entry.title}`));
  lines.push('请大家对我的履职情况进行评议，提出意见和建议。');
  return lines.join('\n');
}

export interface ReviewTally {
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  total: number;
  /** Satisfied and basically satisfied, in percent; null with no ratings. */
  satisfiedPercent: number | null;
}

export function tally(ratings: readonly ReviewRating[]): ReviewTally {
  const count = (value: ReviewRating) => ratings.filter((rating) => rating === value).length;
  const out = { satisfied: count('satisfied'), basicallySatisfied: count('basicallySatisfied'), dissatisfied: count('dissatisfied'), total: ratings.length };
  return { ...out, satisfiedPercent: out.total === 0 ? null : Math.round(((out.satisfied + out.basicallySatisfied) / out.total) * 100) };
}

/** The Shanghai dates of a year, first and last. */
export function yearSpan(year: number): { from: string; to: string } {
  return { from: `${year}-01-01`, to: addDays(`${year + 1}-01-01`, -1) };
}
