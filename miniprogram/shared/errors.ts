/**
 * Stable, dotted error codes shared by the cloud functions and the mini-program,
 * each with the Chinese message a user sees. Messages say what to do next.
 * Each capability keeps its own codes in errors/<capability>.ts.
 */
import { ADMIN_ERRORS } from './errors/admin';
import { BOOKING_ERRORS } from './errors/booking';
import { CASEWORK_ERRORS } from './errors/casework';
import { DUTY_ERRORS } from './errors/duty';
import { COMMON_ERRORS } from './errors/common';
import { CONSOLE_ERRORS } from './errors/console';
import { OPINION_ERRORS } from './errors/opinion';
import { PRIVACY_ERRORS } from './errors/privacy';
import { PROJECT_ERRORS } from './errors/project';
import { SUGGESTION_ERRORS } from './errors/suggestion';

export const ERROR_MESSAGES = {
  ...COMMON_ERRORS,
  ...OPINION_ERRORS,
  ...ADMIN_ERRORS,
  ...BOOKING_ERRORS,
  ...CASEWORK_ERRORS,
  ...PRIVACY_ERRORS,
  ...SUGGESTION_ERRORS,
  ...PROJECT_ERRORS,
  ...CONSOLE_ERRORS,
  ...DUTY_ERRORS,
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, value);
}

export function messageFor(code: string): string {
  return isErrorCode(code) ? ERROR_MESSAGES[code] : ERROR_MESSAGES['COMMON.INTERNAL'];
}

/** What every action answers: data on success, a code and a Chinese message on refusal. */
export type ApiResponse<T> = { ok: true; data: T } | { ok: false; code: ErrorCode; message: string; fields?: Record<string, string> };
