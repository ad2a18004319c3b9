import type { ContentReviewView, MyOpinionSummary, OpinionTargetView } from '../../miniprogram/shared/contract/opinion';
import type { CaseCount } from '../../miniprogram/shared/domain/caseCounters';
import type { CaseRecord } from '../../miniprogram/shared/domain/casework';
import { CONTENT_HOLD_NOTES, contentHold, MODERATION_STATE_LABELS, type Moderation } from '../../miniprogram/shared/domain/moderation';
import {
  OPINION_CATEGORY_LABELS,
  OPINION_STATUS_LABELS,
  publicTimeline,
  excerpt,
  type OpinionCategory,
  type OpinionEvent,
  type OpinionLocation,
  type OpinionStatus,
} from '../../miniprogram/shared/domain/opinion';
import type { Contact } from '../../miniprogram/shared/domain/privacy';

/** An opinion as stored in the `opinions` collection, with its case-handling fields (CaseRecord). */
export interface OpinionDocument extends CaseRecord {
  /** Derived from the author and the client request id: a retried submit lands on the same id. */
  _id: string;
  trackingNo: string;
  authorOpenid: string;
  clientRequestId: string;
  /** The deputy it was left for by name; null when left for a station. */
  deputyId: string | null;
  deputyName: string | null;
  /** The station that handles it: the chosen one, or the deputy's first station. */
  stationId: string;
  stationCode: string;
  stationName: string;
  /** The station's area and its ancestors: lets staff scopes match with one `in`. */
  areaPath: string[];
  category: OpinionCategory;
  text: string;
  photos: string[];
  location: OpinionLocation | null;
  contact: Contact | null;
  status: OpinionStatus;
  statusChangedAt: Date;
  timeline: OpinionEvent[];
  /** WeChat's content checks and staff review (shared/domain/moderation.ts): held text and unchecked or flagged photos reach nobody but the author and reviewing staff. */
  moderation: Moderation;
  /** `reception`: an item a deputy or staff recorded while receiving the resident; absent for the online form. */
  source?: OpinionSource;
  /** For `reception`: the visit it was raised in. */
  reception?: { bookingId: string; recordId: string };
  reply?: { text: string; at: Date; deputyId: string; deputyName: string } | null;
  forward?: { note: string; at: Date; deputyId: string; deputyName: string } | null;
  createdAt: Date;
  updatedAt: Date;
  /** What the statistics counters hold of this case (shared/domain/caseCounters.ts); null until first counted. */
  counted?: CaseCount | null;
  /** Raised at every settlement of the counters: a settlement claims the case by it. */
  countedVersion?: number;
  /** Written in the same update as any change to the case; cleared when the counters follow. */
  countsStale?: boolean;
  /** When the case turns overdue while counted as not overdue (its running deadline); null otherwise. */
  countedOverdueAt?: Date | null;
}

export type OpinionSource = 'online' | 'reception';

export const iso = (value: Date | string): string => new Date(value).toISOString();

export function targetView(opinion: Pick<OpinionDocument, 'deputyId' | 'deputyName' | 'stationId' | 'stationName'>): OpinionTargetView {
  return opinion.deputyId
    ? { kind: 'deputy', id: opinion.deputyId, name: opinion.deputyName ?? '', stationName: opinion.stationName }
    : { kind: 'station', id: opinion.stationId, name: opinion.stationName, stationName: opinion.stationName };
}

export function statusOf(opinion: Pick<OpinionDocument, 'status'>): { status: OpinionStatus; statusLabel: string } {
  return { status: opinion.status, statusLabel: OPINION_STATUS_LABELS[opinion.status] };
}

export function categoryOf(opinion: Pick<OpinionDocument, 'category'>): { category: OpinionCategory; categoryLabel: string } {
  return { category: opinion.category, categoryLabel: OPINION_CATEGORY_LABELS[opinion.category] };
}

/** What the author is told while the text is held for review or after it was rejected; undefined once published. */
export function contentReviewOf(opinion: Pick<OpinionDocument, 'moderation'>): ContentReviewView | undefined {
  const hold = contentHold(opinion.moderation);
  return hold ? { state: hold, label: MODERATION_STATE_LABELS[hold], note: CONTENT_HOLD_NOTES[hold] } : undefined;
}

export function mySummary(opinion: OpinionDocument): MyOpinionSummary {
  const timeline = publicTimeline(opinion.timeline);
  const lastEvent = timeline[timeline.length - 1];
  if (!lastEvent) throw new Error(`opinion ${opinion._id} has no public event`);
  const summary: MyOpinionSummary = {
    opinionId: opinion._id,
    trackingNo: opinion.trackingNo,
    ...categoryOf(opinion),
    excerpt: excerpt(opinion.text),
    target: targetView(opinion),
    ...statusOf(opinion),
    createdAt: iso(opinion.createdAt),
    lastEvent,
  };
  const review = contentReviewOf(opinion);
  if (review) summary.contentReview = review;
  return summary;
}
