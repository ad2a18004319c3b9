/** CloudBase's refusal of a write that would break a unique index; the SDK throws it with this code. */
export const DUPLICATE_WRITE = 'DATABASE_DUPLICATE_WRITE';

export function isDuplicateWrite(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === DUPLICATE_WRITE;
}
