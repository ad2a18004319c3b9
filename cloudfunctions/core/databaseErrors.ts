/** CloudBase's refusal of a write that would break a unique index; the SDK throws it with this code. */
export const DUPLICATE_WRITE = 'DATABASE_DUPLICATE_WRITE';

export function isDuplicateWrite(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === DUPLICATE_WRITE;
}

/**
 * Adds `doc` unless a unique index already holds one like it (a retry, or a racing call, wrote it
 * first): answers whether it was added. Any other failure is thrown.
 */
export async function addUnlessDuplicate(collection: { add(doc: object): Promise<unknown> }, doc: object): Promise<boolean> {
  try {
    await collection.add(doc);
    return true;
  } catch (error) {
    if (!isDuplicateWrite(error)) throw error;
    return false;
  }
}

/**
 * The local runtime's refusal of a write when its disk is full (nothing was written; the call may be
 * retried). CloudBase manages its own disks and never answers it.
 */
export const DISK_FULL = 'DATABASE_DISK_FULL';

export function isDiskFull(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === DISK_FULL;
}

/**
 * CloudBase's refusal of a database request over the plan's limits (requests a second, connections):
 * "request frequency exceeds the plan's resource limit". Nothing of that request was done; the
 * mini-program is told to try again shortly (COMMON.BUSY), and retries what is safe to retry.
 */
export const OVER_PLAN_LIMIT = 'EXCEED_RATELIMIT';

export function isOverPlanLimit(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === OVER_PLAN_LIMIT;
}
