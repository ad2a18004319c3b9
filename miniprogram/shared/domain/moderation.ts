/**
 * Content safety (内容安全) of an opinion. Text is screened by WeChat before it is stored
 * (`risky` is refused outright); photos are screened asynchronously after it is stored. Nothing
 * flagged reaches anyone but the author until staff approve it:
 * - text WeChat answered `review` holds the whole opinion (`state: held`) until staff decide;
 * - a photo is shown to others only once WeChat passed it or staff approved it; one WeChat answered
 *   `review` or `risky` waits in the staff queue.
 */

export type MediaVerdict = 'pending' | 'pass' | 'review' | 'risky';
export type ModerationDecision = 'approved' | 'rejected';
export type ModerationState = 'published' | 'held' | 'rejected';

export interface PhotoCheck {
  fileID: string;
  /** WeChat's trace id of the asynchronous check: never leaves the back end. */
  traceId: string;
  verdict: MediaVerdict;
  label?: number;
  decision?: ModerationDecision;
}

export interface Moderation {
  /** WeChat's verdict on the text. */
  suggest: 'pass' | 'review';
  label?: number;
  traceId?: string;
  /** Absent on opinions stored before photos were checked and on ones staff entered: published. */
  state?: ModerationState;
  photos?: PhotoCheck[];
  /** Whether staff have something to decide (text held, or a photo flagged): the review queue. */
  awaitingReview?: boolean;
  reviewedBy?: { openid: string; role: string };
  reviewedAt?: Date;
  reviewNote?: string;
}

export const MODERATION_STATE_LABELS: Record<ModerationState, string> = { published: '已公开', held: '待审核', rejected: '未通过审核' };

function photoFlagged(photo: PhotoCheck): boolean {
  return (photo.verdict === 'review' || photo.verdict === 'risky') && photo.decision === undefined;
}

/** The moderation of a new opinion: its text verdict and the photos sent for checking. */
export function moderationForNew(text: { suggest: 'pass' | 'review'; label?: number; traceId?: string }, photos: PhotoCheck[]): Moderation {
  const moderation: Moderation = { suggest: text.suggest, state: text.suggest === 'review' ? 'held' : 'published', photos };
  if (text.label !== undefined) moderation.label = text.label;
  if (text.traceId) moderation.traceId = text.traceId;
  moderation.awaitingReview = awaitingReview(moderation);
  return moderation;
}

export function awaitingReview(moderation: Moderation): boolean {
  return moderation.state === 'held' || (moderation.photos ?? []).some(photoFlagged);
}

/** Whether deputies (and anyone but the author and reviewing staff) may see the opinion at all. */
export function isPublished(moderation: Moderation | undefined): boolean {
  return (moderation?.state ?? 'published') === 'published';
}

/** Text waiting for staff review, or rejected: the opinion is no case anyone may handle. */
export type ContentHold = Exclude<ModerationState, 'published'>;

/** Whether the opinion's text is held for review or was rejected (null: published, or predates checks). */
export function contentHold(moderation: Pick<Moderation, 'state'> | undefined): ContentHold | null {
  const state = moderation?.state ?? 'published';
  return state === 'published' ? null : state;
}

/**
 * What the author is told about held or rejected text. The reviewer's reason is not shown: it is
 * written for the record (it may name WeChat's category), so the author gets a fixed explanation.
 */
export const CONTENT_HOLD_NOTES: Record<ContentHold, string> = {
  held: '内容正在审核，通过后代表即可看到',
  rejected: '内容未通过审核，不会转给代表办理；如有需要，请修改后重新提交',
};

/** The photos others may see: passed by WeChat or approved by staff (unchecked old photos too). */
export function visiblePhotos(photos: readonly string[], moderation: Moderation | undefined): string[] {
  const checks = new Map((moderation?.photos ?? []).map((check) => [check.fileID, check]));
  return photos.filter((fileID) => {
    const check = checks.get(fileID);
    return !check || check.verdict === 'pass' || check.decision === 'approved';
  });
}

/** The photos waiting for a staff decision. */
export function flaggedPhotos(moderation: Moderation | undefined): PhotoCheck[] {
  return (moderation?.photos ?? []).filter(photoFlagged);
}

/** WeChat's verdict on one photo arrived; unknown trace ids change nothing (null). */
export function applyMediaVerdict(moderation: Moderation, traceId: string, verdict: Exclude<MediaVerdict, 'pending'>, label?: number): Moderation | null {
  const photos = moderation.photos ?? [];
  if (!photos.some((photo) => photo.traceId === traceId)) return null;
  const next: Moderation = {
    ...moderation,
    photos: photos.map((photo) => (photo.traceId === traceId ? { ...photo, verdict, ...(label !== undefined ? { label } : {}) } : photo)),
  };
  next.awaitingReview = awaitingReview(next);
  return next;
}

/** Staff decide on everything flagged: held text is published or rejected, flagged photos likewise. */
export function decide(moderation: Moderation, decision: ModerationDecision): Moderation {
  const next: Moderation = {
    ...moderation,
    state: moderation.state === 'held' ? (decision === 'approved' ? 'published' : 'rejected') : moderation.state,
    photos: (moderation.photos ?? []).map((photo) => (photoFlagged(photo) ? { ...photo, decision } : photo)),
  };
  next.awaitingReview = awaitingReview(next);
  return next;
}
