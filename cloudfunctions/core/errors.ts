import type { ErrorCode } from '../../miniprogram/shared/errors';

/** A refusal the caller should see: a stable code, optionally which fields were wrong. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly fields?: Record<string, string>,
    /** A message of this refusal's own (e.g. saying when to try again), instead of the code's usual one. */
    readonly userMessage?: string,
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export function fail(code: ErrorCode, fields?: Record<string, string>): never {
  throw new AppError(code, fields);
}
