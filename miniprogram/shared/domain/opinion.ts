/**
 * Opinions (意见建议) a resident leaves for a deputy or a liaison station, and what happens to
 * them. Pure rules and labels, shared by the cloud functions and the mini-program.
 */
import type { GeoPoint } from './directory';

export const OPINION_CATEGORIES = ['urbanConstruction', 'transport', 'education', 'health', 'elderlyCare', 'socialSecurity', 'environment', 'governance', 'other'] as const;
export type OpinionCategory = (typeof OPINION_CATEGORIES)[number];

export const OPINION_CATEGORY_LABELS: Record<OpinionCategory, string> = {
  urbanConstruction: '城乡建设',
  transport: '交通出行',
  education: '教育',
  health: '医疗卫生',
  elderlyCare: '养老服务',
  socialSecurity: '社会保障',
  environment: '生态环境',
  governance: '社会治理',
  other: '其他',
};

export const OPINION_TEXT_MIN = 10;
export const OPINION_TEXT_MAX = 1000;
export const OPINION_PHOTOS_MAX = 6;
export const OPINION_REPLY_MAX = 1000;
export const OPINION_FORWARD_NOTE_MAX = 500;
/** Where the mini-program uploads opinion photos (wx.cloud.uploadFile cloudPath prefix). */
export const OPINION_PHOTO_FOLDER = 'opinion-photos/';

/** A resident may submit at most this many opinions in any rolling window. */
export const OPINION_RATE_LIMITS = [
  { windowMs: 60 * 60 * 1000, max: 5 },
  { windowMs: 24 * 60 * 60 * 1000, max: 20 },
] as const;

/** Characters as a person counts them (an emoji is one), after trimming. */
export function textLength(text: string): number {
  return [...text.trim()].length;
}

/** Where the problem is: the point the resident picked on the map, with the address the map gave. */
export interface OpinionLocation extends GeoPoint {
  address?: string;
}

/**
 * Where an opinion is in its life: the deputy's side (received, read, replied, forwarded) and the
 * staff's case handling (accepted … closed). Which status may follow which is the state machine
 * in casework.ts.
 */
export const OPINION_STATUSES = ['received', 'read', 'replied', 'forwarded', 'accepted', 'assigned', 'answered', 'awaitingRating', 'reopened', 'closed', 'referred'] as const;
export type OpinionStatus = (typeof OPINION_STATUSES)[number];

export const OPINION_STATUS_LABELS: Record<OpinionStatus, string> = {
  received: '已提交',
  read: '代表已阅',
  replied: '代表已回复',
  forwarded: '已转交办理',
  accepted: '已受理',
  assigned: '办理中',
  answered: '办理结果审核中',
  awaitingRating: '待评价',
  reopened: '重新交办中',
  closed: '已办结',
  referred: '重新确定承办单位中',
};

/**
 * The deputy's inbox tabs. 已回复 and 已转交 keep what the deputies answered or forwarded, whatever
 * happens to the case after; 已交办 keeps what staff took over without either (accepted, then
 * assigned to a department): deputies follow every case that came through them or their station.
 */
export const INBOX_FILTERS = ['pending', 'replied', 'forwarded', 'following'] as const;
export type InboxFilter = (typeof INBOX_FILTERS)[number];

/** The statuses 待处理 shows, and those 已交办 shows (of cases the deputies neither replied to nor forwarded). */
export const INBOX_FILTER_STATUSES: Record<'pending' | 'following', readonly OpinionStatus[]> = {
  /** Accepted by staff, the deputy may still answer it themselves or forward it. */
  pending: ['received', 'read', 'accepted'],
  /** Past the deputies: in the staff's and departments' hands, or done. */
  following: ['assigned', 'answered', 'awaitingRating', 'reopened', 'closed', 'referred'],
};

export const INBOX_FILTER_LABELS: Record<InboxFilter, string> = {
  pending: '待处理',
  replied: '已回复',
  forwarded: '已转交',
  following: '已交办',
};

/** A deputy may still reply to or forward an opinion in these statuses. */
export const AWAITING_DEPUTY: readonly OpinionStatus[] = INBOX_FILTER_STATUSES.pending;

export function awaitsDeputy(status: OpinionStatus): boolean {
  return AWAITING_DEPUTY.includes(status);
}

/** Something that happened to an opinion. New kinds are added here, never renamed. */
export const OPINION_EVENT_TYPES = [
  'received',
  'read',
  'replied',
  'forwarded',
  'accepted',
  'assigned',
  'departmentAnswered',
  'returned',
  'answerPublished',
  'urged',
  'rated',
  'reopened',
  'closedUnrated',
  'referredBack',
  'rerouted',
  'suggestionSubmitted',
  'suggestionRegistered',
  'suggestionNoted',
  'suggestionAssigned',
  'suggestionAnswered',
  'suggestionRehandling',
  'suggestionFollowedUp',
  'suggestionClosed',
  'followUpAsked',
  'followedUp',
] as const;
export type OpinionEventType = (typeof OPINION_EVENT_TYPES)[number];

export const OPINION_EVENT_LABELS: Record<OpinionEventType, string> = {
  received: '意见已提交，等待代表查看',
  read: '代表已阅读您的意见',
  replied: '代表已回复',
  forwarded: '代表已转交人大常委会工作机构办理',
  accepted: '联络站已受理您的意见',
  assigned: '已交办承办单位办理',
  departmentAnswered: '承办单位已答复',
  returned: '办理结果退回重办',
  answerPublished: '办理结果已答复，请您评价',
  urged: '人大工作人员已督办',
  rated: '您已评价办理结果',
  reopened: '已根据您的意见重新交办',
  closedUnrated: '评价期限已过，已办结（未评价）',
  referredBack: '承办单位认为不属本单位职责，正在重新确定承办单位',
  rerouted: '已重新交办承办单位',
  followUpAsked: '回访：问题是否真正解决了，请您告诉我们',
  followedUp: '您已回答回访',
  suggestionSubmitted: '代表已把您的意见写进代表建议',
  suggestionRegistered: '代表建议已立案',
  suggestionNoted: '代表建议已转有关单位参考',
  suggestionAssigned: '代表建议已交承办单位办理',
  suggestionAnswered: '承办单位已答复代表建议',
  suggestionRehandling: '代表建议正在重新办理',
  suggestionFollowedUp: '代表建议有新的落实情况',
  suggestionClosed: '代表建议已办结',
};

/** `handler`: a department (承办单位) answering a case assigned to it. */
export type ActorRole = 'resident' | 'deputy' | 'staff' | 'handler' | 'system';

export const ACTOR_ROLE_LABELS: Record<ActorRole, string> = { resident: '群众', deputy: '代表', staff: '人大工作人员', handler: '承办部门', system: '系统' };

/** Who acted, as anyone but themselves reads it: the role, and the name when there is one (never an account id). */
export function actorLabel(event: { actorRole: ActorRole; actorName?: string }): string {
  return event.actorName ? `${ACTOR_ROLE_LABELS[event.actorRole]} ${event.actorName}` : ACTOR_ROLE_LABELS[event.actorRole];
}

/**
 * One entry of an opinion's timeline, as stored, appended and never changed. `public` events
 * are shown to the resident with their `note`; `internalNote` is for deputies and staff only.
 */
export interface OpinionEvent {
  type: OpinionEventType;
  at: Date;
  actorRole: ActorRole;
  /** Who exactly, for the record: the deputy's id, the staff member's or handler's account. */
  actorId?: string;
  actorName?: string;
  note?: string;
  internalNote?: string;
  public: boolean;
}

/** A timeline entry as the resident sees it (times as ISO 8601 text). */
export interface PublicOpinionEvent {
  type: OpinionEventType;
  label: string;
  at: string;
  actorName?: string;
  note?: string;
}

/** The entries a resident may see, oldest first, without anything internal. */
export function publicTimeline(events: readonly OpinionEvent[]): PublicOpinionEvent[] {
  return events
    .filter((event) => event.public)
    .map((event) => {
      const shown: PublicOpinionEvent = { type: event.type, label: OPINION_EVENT_LABELS[event.type], at: new Date(event.at).toISOString() };
      if (event.actorName) shown.actorName = event.actorName;
      if (event.note) shown.note = event.note;
      return shown;
    });
}

/** Whole hours between two instants, never negative. */
export function hoursBetween(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / 3_600_000));
}

/** How a long text is shown in a list. */
export function excerpt(text: string, max = 60): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}
