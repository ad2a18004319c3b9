import * as z from 'zod';
import {
  INBOX_FILTERS,
  type InboxFilter,
  OPINION_CATEGORIES,
  OPINION_FORWARD_NOTE_MAX,
  OPINION_PHOTOS_MAX,
  OPINION_REPLY_MAX,
  OPINION_TEXT_MAX,
  OPINION_TEXT_MIN,
  textLength,
  type ActorRole,
  type OpinionCategory,
  type OpinionEventType,
  type OpinionLocation,
  type OpinionStatus,
  type PublicOpinionEvent,
} from '../domain/opinion';
import { CASE_TEXT_LIMITS, FOLLOW_UP_ANSWERS, RATINGS, type AnswerCategory, type FollowUpAnswer, type RatingValue } from '../domain/casework';
import type { ContentHold } from '../domain/moderation';
import { MOBILE_PATTERN } from '../domain/phone';
import type { Contact } from '../domain/privacy';
import type { SceneKind } from '../domain/scene';
import { action, namespaced } from './define';
import { clientRequestId, cursor, docId, pageSize, lineText, paragraphText, requiredWhen } from './fields';

/** Text a person writes: trimmed, counted in characters as people count them. */
const writtenText = (min: number, max: number) =>
  paragraphText()
    .refine((text) => textLength(text) >= min, { message: `请至少写${min}个字` })
    .refine((text) => textLength(text) <= max, { message: `最多${max}个字，请精简后再提交` });

/** A photo the mini-program uploaded with wx.cloud.uploadFile under opinion-photos/. */
const opinionPhoto = z
  .string()
  .max(512)
  .regex(/^cloud:\/\/[A-Za-z0-9._-]+\/opinion-photos\/(?:[A-Za-z0-9_-][A-Za-z0-9._-]*\/)*[A-Za-z0-9_-][A-Za-z0-9._-]*$/, '照片格式不正确，请重新上传');

/** Made once per form fill on the phone and sent again on every retry of the same submit. */

const location = z.strictObject({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  address: lineText().max(200).optional(),
});

const contact = z
  .strictObject({
    name: lineText().max(20).optional(),
    phone: z.string().trim().regex(MOBILE_PATTERN, '请填写11位手机号码').optional(),
    /** The resident's explicit consent that the deputy may call them. */
    mayContact: z.boolean(),
  })
  .refine((c) => !c.mayContact || !!c.phone, { message: '同意联系时请留下手机号码', path: ['phone'] });

const target = z.union([z.strictObject({ deputyId: docId }), z.strictObject({ stationId: docId })]);

export const submitOpinionPayload = z.strictObject({
  clientRequestId,
  target,
  category: z.enum(OPINION_CATEGORIES),
  text: writtenText(OPINION_TEXT_MIN, OPINION_TEXT_MAX),
  photos: z.array(opinionPhoto).max(OPINION_PHOTOS_MAX).default([]),
  location: location.optional(),
  contact: contact.optional(),
});

/** A photo as a page shows it: the fileID and a temporary HTTPS URL. */
export interface OpinionPhoto {
  fileID: string;
  url: string;
}

/** Whom the opinion was left for. */
export interface OpinionTargetView {
  kind: SceneKind;
  /** The deputy's or the station's id. */
  id: string;
  /** The deputy's name, or the station's name. */
  name: string;
  /** The station that handles it (the deputy's first station for a deputy). */
  stationName: string;
}

export interface SubmitOpinionResult {
  opinionId: string;
  /** e.g. LJ01-261123-007: what the resident quotes on the phone. */
  trackingNo: string;
  status: OpinionStatus;
  statusLabel: string;
  createdAt: string;
}

/**
 * Shown to the author while their opinion's text waits for content review (待审核) or after staff
 * rejected it (未通过审核); absent once published. Nobody else sees the opinion meanwhile.
 */
export interface ContentReviewView {
  state: ContentHold;
  /** 待审核 / 未通过审核 */
  label: string;
  /** A plain explanation, e.g. 内容正在审核，通过后代表即可看到. */
  note: string;
}

export interface MyOpinionSummary {
  opinionId: string;
  trackingNo: string;
  category: OpinionCategory;
  categoryLabel: string;
  excerpt: string;
  target: OpinionTargetView;
  status: OpinionStatus;
  statusLabel: string;
  createdAt: string;
  /** The latest thing that happened that the resident may see. */
  lastEvent: PublicOpinionEvent;
  /** Present while the text is held for content review, or after it was rejected. */
  contentReview?: ContentReviewView;
}

/** An opinion as its author left it: what both its author and the deputies read in full. */
export interface OpinionContent {
  opinionId: string;
  trackingNo: string;
  category: OpinionCategory;
  categoryLabel: string;
  text: string;
  photos: OpinionPhoto[];
  location?: OpinionLocation;
}

export interface MyOpinionDetail extends OpinionContent {
  contact?: Contact;
  target: OpinionTargetView;
  status: OpinionStatus;
  statusLabel: string;
  createdAt: string;
  /** Oldest first; replies carry the reply text as `note`. */
  timeline: PublicOpinionEvent[];
  /** Whether the resident may rate the answer now (opinion.rate). */
  canRate: boolean;
  /** ISO 8601: until when, while `canRate`. */
  ratingDueAt?: string;
  /** The latest rating (未评价 when the rating window passed). */
  rating?: { value: RatingValue; label: string; comment?: string; at: string };
  /** The approved answer's category (已解决 / 列入计划 / 留作参考), when departments answered. */
  outcome?: { category: AnswerCategory; label: string };
  /** Present while the text is held for content review, or after it was rejected. */
  contentReview?: ContentReviewView;
  /** The 回访 once it was asked (weeks after closing): whether it awaits an answer, and the answer given. */
  followUp?: FollowUpView;
}

export interface FollowUpView {
  /** ISO 8601. */
  askedAt: string;
  /** Whether the resident may answer now (opinion.answerFollowUp). */
  canAnswer: boolean;
  answer?: { value: FollowUpAnswer; label: string; note?: string; at: string };
}

export interface FollowUpResult extends HandleOpinionResult {
  answer: FollowUpAnswer;
  /** 没有解决: staff are told and may reopen the case. */
  reopenable: boolean;
}

/** A page of a list; `nextCursor` is the cursor for the next page, null at the end. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * A page of a list shown in tabs (`V`, the tabs' values). The first page (no cursor) also says how
 * many items each tab holds, counted in the database, so the tab labels show their number; later
 * pages leave `counts` out, and so may a list for its archive tabs (a tab without a count shows its name).
 */
export interface TabbedPage<T, V extends string> extends Page<T> {
  counts?: Partial<Record<V, number>>;
}

/** Where an opinion stands as the deputy it was left with sees it, in the inbox and opened. */
export interface OpinionForDeputy {
  /** `me`: left for this deputy by name; `station`: left for a station they receive at. */
  addressedTo: 'me' | 'station';
  stationName: string;
  status: OpinionStatus;
  statusLabel: string;
  createdAt: string;
  /** Pending: hours since it was left; handled: hours it took. */
  waitedHours: number;
}

export interface InboxItem extends OpinionForDeputy {
  opinionId: string;
  trackingNo: string;
  category: OpinionCategory;
  categoryLabel: string;
  excerpt: string;
  photoCount: number;
}

/** A timeline entry as deputies see it: everything, internal notes included. */
export interface DeputyOpinionEvent extends PublicOpinionEvent {
  actorRole: ActorRole;
  internalNote?: string;
  public: boolean;
}

export interface DeputyOpinionView extends OpinionContent, OpinionForDeputy {
  /**
   * What the resident left to be reached by. `phone` is in full only when they consented
   * (`mayContact`); otherwise masked like 138****5678.
   */
  contact: Contact | null;
  /** WeChat's content check asked for a human look (e.g. possible advertising). */
  flaggedForReview: boolean;
  /** The resident's latest rating of the answer (未评价 when they let the window pass); null before any. */
  rating: { value: RatingValue; label: string; comment?: string; at: string } | null;
  timeline: DeputyOpinionEvent[];
}

export interface HandleOpinionResult {
  opinionId: string;
  status: OpinionStatus;
  statusLabel: string;
  event: OpinionEventType;
}

export interface ReplyOpinionResult extends HandleOpinionResult {
  /** Whether WeChat accepted the subscribe message; the resident sees the reply in 我的意见 either way. */
  notified: boolean;
}

export const ratePayload = z
  .strictObject({
    opinionId: docId,
    rating: z.enum(RATINGS),
    /** Required with 不满意: what is still wrong (the case is assigned again with it). */
    comment: writtenText(0, CASE_TEXT_LIMITS.ratingComment).optional(),
  })
  .superRefine(requiredWhen('comment', (value) => value.rating === 'dissatisfied', '请说说哪里不满意，我们会重新交办'));

export const opinionActions = namespaced('opinion', {
  submit: action<SubmitOpinionResult>()(submitOpinionPayload),
  listMine: action<Page<MyOpinionSummary>>()(z.strictObject({ cursor: cursor.optional(), pageSize: pageSize.optional() })),
  getMine: action<MyOpinionDetail>()(z.strictObject({ opinionId: docId })),
  inbox: action<TabbedPage<InboxItem, InboxFilter>>()(z.strictObject({ status: z.enum(INBOX_FILTERS), cursor: cursor.optional(), pageSize: pageSize.optional() })),
  getForDeputy: action<DeputyOpinionView>()(z.strictObject({ opinionId: docId })),
  reply: action<ReplyOpinionResult>()(z.strictObject({ opinionId: docId, text: writtenText(5, OPINION_REPLY_MAX) })),
  forward: action<HandleOpinionResult>()(z.strictObject({ opinionId: docId, note: writtenText(2, OPINION_FORWARD_NOTE_MAX) })),
  /** The resident rates the answer to their own opinion: once per answer, while it awaits rating. */
  rate: action<HandleOpinionResult>()(ratePayload),
  /** The resident answers the 回访 of their own closed opinion, once, after it was asked: 已经解决 / 没有解决. */
  answerFollowUp: action<FollowUpResult>()(
    z.strictObject({ opinionId: docId, answer: z.enum(FOLLOW_UP_ANSWERS), note: writtenText(0, CASE_TEXT_LIMITS.ratingComment).optional() }),
  ),
});
