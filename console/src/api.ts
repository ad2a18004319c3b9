import type { ActionName, PayloadOf, ResultOf } from '../../miniprogram/shared/contract';
import { CSRF_HEADER } from '../../miniprogram/shared/domain/consoleSignIn';
import type { ErrorCode } from '../../miniprogram/shared/errors';

/**
 * The console's one seam to the back end: the same actions and contract as the mini-program, over
 * CloudBase's HTTP access (`POST /api/<function>`, same origin). The session rides in an HttpOnly
 * cookie; the anti-forgery token the sign-in returned goes in a header with every call.
 */
export const API_BASE = '/api';
const CSRF_KEY = 'lxq.console.csrf';

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode | 'COMMON.NETWORK',
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

let onSignedOut: () => void = () => undefined;

/** What to do when a call finds the session gone (expired, or ended from the phone). */
export function whenSignedOut(handler: () => void): void {
  onSignedOut = handler;
}

export function rememberCsrf(token: string | null): void {
  if (token) sessionStorage.setItem(CSRF_KEY, token);
  else sessionStorage.removeItem(CSRF_KEY);
}

export async function callApi<A extends ActionName>(action: A, payload: PayloadOf<A>): Promise<ResultOf<A>> {
  const fn = action.slice(0, action.indexOf('.'));
  const csrf = sessionStorage.getItem(CSRF_KEY);
  let res: Response;
  try {
    res = await fetch(`${API_BASE}/${fn}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', ...(csrf ? { [CSRF_HEADER]: csrf } : {}) },
      body: JSON.stringify({ action, payload }),
    });
  } catch {
    throw new ApiError('COMMON.NETWORK', '网络不太稳定，请检查网络后重试');
  }
  const body = (await res.json().catch(() => null)) as { ok: boolean; data?: unknown; code?: ErrorCode; message?: string; fields?: Record<string, string> } | null;
  if (!body) throw new ApiError('COMMON.NETWORK', '网络不太稳定，请检查网络后重试');
  if (!body.ok) {
    if (body.code === 'AUTH.REQUIRED' || body.code === 'CONSOLE.FORGED_REQUEST') onSignedOut();
    throw new ApiError(body.code ?? 'COMMON.INTERNAL', body.message ?? '系统开小差了，请稍后再试', body.fields);
  }
  return body.data as ResultOf<A>;
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const fields = error.fields ? Object.entries(error.fields).map(([field, problem]) => `${field}：${problem}`) : [];
    return [error.message, ...fields].join('；');
  }
  return '系统开小差了，请稍后再试';
}
