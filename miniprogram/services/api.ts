/**
 * The one way the mini-program talks to its back end: `callApi('directory.getDeputy', { deputyId })`,
 * typed end to end by the shared contract. The contract is imported for its types only: its
 * schemas use zod, which must never be bundled into the mini-program.
 */
import type { ActionName, ApiEvent, PayloadOf, ResultOf } from '../shared/contract';
import { isErrorCode, messageFor, type ErrorCode } from '../shared/errors';
import { backoffMs, mayRetry, platformFailure, type CallFailure } from '../shared/retries';
import { CONFIG, type AppConfig, type Backend } from '../config';
import { callFunction, postJson, WxCallError } from './wx';

/** A refusal or failure the user is told about: a stable code and its Chinese message. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = messageFor(code),
    readonly fields: Record<string, string> = {},
    /** Set when the call may be worth trying again (shared/retries.ts decides whether it is). */
    readonly failure?: CallFailure,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Delivers an event to a cloud function and resolves with what it answered (the envelope). */
type Transport = (functionName: string, event: ApiEvent) => Promise<unknown>;

function cloudTransport(config: AppConfig): Transport {
  return (functionName, event) => callFunction(functionName, event, config.timeoutMs);
}

function localTransport(config: AppConfig): Transport {
  return (functionName, event) => postJson(`${config.localBaseUrl}/fn/${functionName}`, event, { 'x-wx-openid': config.devOpenid }, config.timeoutMs);
}

let transport: Transport | undefined;
let chosen: { backend: Backend; config: AppConfig } | undefined;

/** Chooses the back end; app.ts does this at launch, tests before they call. */
export function useBackend(backend: Backend, config: AppConfig = CONFIG): void {
  transport = backend === 'cloud' ? cloudTransport(config) : localTransport(config);
  chosen = { backend, config };
}

/** The back end in use, for the other seams that must follow it (file uploads). */
export function backendInUse(): { backend: Backend; config: AppConfig } {
  if (!chosen) throw new Error('No back end chosen: app.ts calls useBackend() at launch');
  return chosen;
}

function activeTransport(): Transport {
  if (!transport) throw new Error('No back end chosen: app.ts calls useBackend() at launch');
  return transport;
}

/** The cloud function that serves an action: the part before the dot. */
export function functionNameOf(action: ActionName): string {
  return action.slice(0, action.indexOf('.'));
}

/**
 * Calls `action` and answers its data. A call whose answer was lost, or that was refused over the
 * plan's limits, is tried again as shared/retries.ts allows (reads and creates keyed by a request
 * id; anything the platform refused before running it), after a growing random pause when it was
 * refused over a limit. What still fails reaches the page as an ApiError: nothing is dropped silently.
 */
export async function callApi<A extends ActionName>(action: A, payload: PayloadOf<A>): Promise<ResultOf<A>> {
  const event: ApiEvent = { action, payload } as ApiEvent;
  for (let attempt = 1; ; attempt += 1) {
    try {
      const answer = await activeTransport()(functionNameOf(action), event);
      return unwrap(action, answer) as ResultOf<A>;
    } catch (error) {
      const apiError = toApiError(error, action);
      if (apiError.failure === undefined || !mayRetry(action, apiError.failure, attempt)) throw apiError;
      if (apiError.failure !== 'network') await pause(backoffMs(attempt));
    }
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The local runtime answers a call the platform refused as wx.cloud.callFunction's fail: `{ errCode, errMsg }`. */
function platformRefusal(answer: unknown): ApiError | undefined {
  if (typeof answer !== 'object' || answer === null || 'ok' in answer) return undefined;
  const { errCode, errMsg } = answer as { errCode?: unknown; errMsg?: unknown };
  if (typeof errCode !== 'number') return undefined;
  return busyError(platformFailure(`${typeof errMsg === 'string' ? errMsg : ''} ${errCode}`));
}

function busyError(failure: CallFailure | undefined): ApiError | undefined {
  return failure === undefined ? undefined : new ApiError('COMMON.BUSY', messageFor('COMMON.BUSY'), {}, failure);
}

interface Refusal {
  ok: false;
  code: unknown;
  message?: unknown;
  fields?: unknown;
}

function unwrap(action: ActionName, answer: unknown): unknown {
  const refused = platformRefusal(answer);
  if (refused) throw refused;
  if (typeof answer === 'object' && answer !== null && 'ok' in answer) {
    if (answer.ok === true && 'data' in answer) return answer.data;
    if (answer.ok === false) throw refusalError(answer as Refusal);
  }
  console.error(`[api] ${action}: not an API response`, answer);
  throw new ApiError('COMMON.INTERNAL');
}

/**
 * Known codes take their message from shared/errors, the one place messages live. A code this
 * build does not know yet (a newer back end) keeps the back end's own Chinese message.
 */
function refusalError(refusal: Refusal): ApiError {
  const fields = isStringRecord(refusal.fields) ? refusal.fields : {};
  if (refusal.code === 'COMMON.BUSY') return new ApiError('COMMON.BUSY', messageFor('COMMON.BUSY'), fields, 'busy');
  if (isErrorCode(refusal.code)) return new ApiError(refusal.code, messageFor(refusal.code), fields);
  const message = typeof refusal.message === 'string' && refusal.message ? refusal.message : messageFor('COMMON.INTERNAL');
  return new ApiError('COMMON.INTERNAL', message, fields);
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'string');
}

/** Turns anything thrown into what the user is told; unexpected failures are logged. */
export function toApiError(error: unknown, context = 'app'): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof WxCallError && error.kind === 'network') return new ApiError('COMMON.NETWORK', messageFor('COMMON.NETWORK'), {}, 'network');
  const overLimit = error instanceof WxCallError ? busyError(platformFailure(error.errMsg)) : undefined;
  if (overLimit) return overLimit;
  console.error(`[api] ${context} failed`, error);
  return new ApiError('COMMON.INTERNAL');
}
