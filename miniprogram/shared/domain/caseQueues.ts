/**
 * Staff's work queues (意见办理's tabs 待受理, 待交办, 办理中, 待审核, 待评价, 退回待改派): which cases
 * each holds. One definition for the list's query (casework.list) and for the counters that count
 * each queue per station and area as cases change (shared/domain/caseCounters.ts), so a tab's
 * count is read from one document instead of counting a city's cases. 逾期 depends on the clock
 * and stays a count on the deadline index.
 */

/** The queues whose membership is the case's status. */
export const QUEUE_STATUSES = {
  toAccept: ['received', 'read'],
  toAssign: ['accepted', 'forwarded', 'reopened', 'referred'],
  handling: ['assigned'],
  toReview: ['answered'],
  awaitingRating: ['replied', 'awaitingRating'],
} as const;

/** Counted queues: the status queues, and 退回待改派 (a department sent it back, not re-routed yet). */
export const COUNTED_QUEUES = [...(Object.keys(QUEUE_STATUSES) as Array<keyof typeof QUEUE_STATUSES>), 'referred'] as const;
export type CountedQueue = (typeof COUNTED_QUEUES)[number];
export type QueueValues = Record<CountedQueue, number>;

/** Text held for content review or rejected is no case in any queue (staff review it in moderation). */
export const HIDDEN_MODERATION_STATES = ['held', 'rejected'] as const;

/** The fields of a case its queues depend on. */
export interface QueuedCase {
  status?: string;
  referralOpen?: boolean | null;
  moderation?: { state?: string | null } | null;
}

/** 1 for each queue the case stands in now, else 0. */
export function queuesOf(doc: QueuedCase): QueueValues {
  const hidden = (HIDDEN_MODERATION_STATES as readonly string[]).includes(doc.moderation?.state ?? '');
  const values = Object.fromEntries(COUNTED_QUEUES.map((queue) => [queue, 0])) as QueueValues;
  if (hidden) return values;
  for (const queue of Object.keys(QUEUE_STATUSES) as Array<keyof typeof QUEUE_STATUSES>) {
    if ((QUEUE_STATUSES[queue] as readonly string[]).includes(doc.status ?? '')) values[queue] = 1;
  }
  if (doc.referralOpen === true) values.referred = 1;
  return values;
}
