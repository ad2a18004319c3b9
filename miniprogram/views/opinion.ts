/** How opinions read on screen: the pieces the resident's and the deputy's pages share. */
import type { ContentReviewView } from '../shared/contract/opinion';
import type { OpinionEventType, PublicOpinionEvent, OpinionStatus } from '../shared/domain/opinion';
import { formatDateTime } from '../utils/date';

/**
 * TDesign tag themes: waiting is neutral, being worked on is blue, handed on or waiting for the
 * resident is orange, done is green.
 */
const STATUS_THEMES: Record<OpinionStatus, string> = {
  received: 'default',
  read: 'primary',
  replied: 'success',
  forwarded: 'warning',
  accepted: 'primary',
  assigned: 'primary',
  answered: 'primary',
  awaitingRating: 'warning',
  reopened: 'primary',
  closed: 'success',
  referred: 'warning',
};

/** A status this build does not know yet still shows, in the neutral colour. */
export function statusTheme(status: string): string {
  return Object.prototype.hasOwnProperty.call(STATUS_THEMES, status) ? STATUS_THEMES[status as OpinionStatus] : 'default';
}

/**
 * The status tag the author sees: 待审核 (orange) while the text waits for content review,
 * 未通过审核 (red) after staff rejected it, otherwise the case status.
 */
export function authorStatus(opinion: { status: string; statusLabel: string; contentReview?: ContentReviewView }): {
  statusLabel: string;
  statusTheme: string;
  reviewNote: string;
} {
  const review = opinion.contentReview;
  if (review) return { statusLabel: review.label, statusTheme: review.state === 'rejected' ? 'danger' : 'warning', reviewNote: review.note };
  return { statusLabel: opinion.statusLabel, statusTheme: statusTheme(opinion.status), reviewNote: '' };
}

/**
 * A tracking number in the groups it is read out in over the phone:
 * `LJ01-261123-007` → ['LJ01', '261123', '007'].
 */
export function trackingGroups(trackingNo: string): string[] {
  return trackingNo.split('-').filter((group) => group.length > 0);
}

/** How long something has waited, in the unit a person would say: 刚刚, N 小时, N 天. */
export function durationLabel(hours: number): string {
  if (hours < 1) return '不到1小时';
  if (hours < 24) return `${hours}小时`;
  return `${Math.floor(hours / 24)}天`;
}

export interface TimelineItem {
  id: string;
  label: string;
  time: string;
  actorName: string;
  /** A reply's text, shown in full. */
  note: string;
}

/** Deputies and staff read "居民" where the resident reads "您". */
export const STAFF_EVENT_LABELS: Partial<Record<OpinionEventType, string>> = {
  read: '代表已阅读居民的意见',
  accepted: '联络站已受理居民的意见',
  answerPublished: '办理结果已答复，等待居民评价',
  rated: '居民已评价办理结果',
  reopened: '已根据居民的意见重新交办',
  followUpAsked: '已向居民回访：问题是否真正解决',
  followedUp: '居民已回答回访',
};

export function forDeputiesAndStaff<E extends { type: OpinionEventType; label: string }>(event: E): E {
  const label = STAFF_EVENT_LABELS[event.type];
  return label ? { ...event, label } : event;
}

/** An event's note with its internal note after it, marked so: what deputies, staff and units read. */
export function withInternalNote(event: { note?: string; internalNote?: string }): string {
  return [event.note, event.internalNote ? `（内部说明）${event.internalNote}` : ''].filter(Boolean).join('\n');
}

/** Newest first: what happened last is what the resident came to see (a suggestion's timeline reads the same). */
export function timelineItems<E extends Pick<PublicOpinionEvent, 'label' | 'at' | 'actorName' | 'note'>>(events: readonly E[]): TimelineItem[] {
  return events
    .map((event, index) => ({
      id: `${index}`,
      label: event.label,
      time: formatDateTime(event.at),
      actorName: event.actorName ?? '',
      note: event.note ?? '',
      at: Date.parse(event.at),
    }))
    .sort((a, b) => b.at - a.at || Number(b.id) - Number(a.id))
    .map(({ at: _at, ...item }) => item);
}
