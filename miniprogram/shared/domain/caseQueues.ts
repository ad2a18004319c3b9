/**
 * Staff's work queues (意见办理's tabs 待受理, 待交办, 办理中, 待审核, 待评价, 退回待改派, 逾期): which
 * cases each holds. One definition for the list's query (casework.list) and for the counters that
 * count each queue per station and area as cases change (shared/domain/caseCounters.ts), so a
 * tab's count is read from one document instead of counting a city's cases. 逾期 (the running
 * deadline has passed) also changes with the clock: a case is counted in it from the moment it is
 * settled after its deadline passed, and until then the list adds the cases whose deadline passed
 * since they were counted (`countedOverdueAt`, a count over a small range).
 */

/** The queues whose membership is the case's status. */
export const QUEUE_STATUSES = {
  toAccept: ['received', 'read'],
  toAssign: ['accepted', 'forwarded', 'reopened', 'referred'],
  handling: ['assigned'],
  toReview: ['answered'],
  awaitingRating: ['replied', 'awaitingRating'],
} as const;

/**
 * Counted queues: the status queues, 退回待改派 (a department sent it back, not re-routed yet) and
 * 逾期 (its running deadline has passed).
 */
export const COUNTED_QUEUES = [...(Object.keys(QUEUE_STATUSES) as Array<keyof typeof QUEUE_STATUSES>), 'referred', 'overdue'] as const;
export type CountedQueue = (typeof COUNTED_QUEUES)[number];
export type QueueValues = Record<CountedQueue, number>;

/** Text held for content review or rejected is no case in any queue (staff review it in moderation). */
export const HIDDEN_MODERATION_STATES = ['held', 'rejected'] as const;

/** The fields of a case its queues depend on. */
export interface QueuedCase {
  status?: string;
  referralOpen?: boolean | null;
  moderation?: { state?: string | null } | null;
  deadline?: { dueAt?: Date | string | null } | null;
}

/** Whether the case's running deadline has passed at `now`: casework.list's 逾期 filter, `deadline.dueAt < now` (the statistics' 逾期 adds earlier late stages). */
export function runningDeadlinePassed(doc: Pick<QueuedCase, 'deadline'>, now: Date): boolean {
  const dueAt = doc.deadline?.dueAt;
  return dueAt !== null && dueAt !== undefined && new Date(dueAt).getTime() < now.getTime();
}

/** 1 for each queue the case stands in at `now`, else 0. */
export function queuesOf(doc: QueuedCase, now: Date): QueueValues {
  const hidden = (HIDDEN_MODERATION_STATES as readonly string[]).includes(doc.moderation?.state ?? '');
  const values = Object.fromEntries(COUNTED_QUEUES.map((queue) => [queue, 0])) as QueueValues;
  if (hidden) return values;
  for (const queue of Object.keys(QUEUE_STATUSES) as Array<keyof typeof QUEUE_STATUSES>) {
    if ((QUEUE_STATUSES[queue] as readonly string[]).includes(doc.status ?? '')) values[queue] = 1;
  }
  if (doc.referralOpen === true) values.referred = 1;
  if (runningDeadlinePassed(doc, now)) values.overdue = 1;
  return values;
}
