/**
 * A `wx` test double: the capabilities the mini-program uses, recorded so tests can say what
 * the resident saw (toasts) and where they were taken (navigations). Cloud functions are
 * answered by a `FunctionHost`, whichever transport the app uses (`wx.cloud.callFunction`, or
 * `wx.request` to `/fn/<name>` for the local back end): fixtures here, or the real local
 * runtime over HTTP — swapping one for the other is the one `functions:` line in a test.
 *
 * Under miniprogram-simulate the double extends simulate's own `wx` (TDesign components read
 * window and system info from it); in plain node tests it stands alone.
 */
import http from 'node:http';
import type { ActionName } from '../../../miniprogram/shared/contract';
import { ERROR_MESSAGES, type ApiResponse, type ErrorCode } from '../../../miniprogram/shared/errors';
import { CONFIG } from '../../../miniprogram/config';

export interface CloudEvent {
  action: string;
  payload: unknown;
}

/** Answers a cloud function call with the function's return value (the API envelope). */
export type FunctionHost = (functionName: string, event: CloudEvent) => Promise<unknown>;

/** What a failing wx API hands its `fail` callback. */
export class WxFail {
  constructor(readonly errMsg: string) {}
}

export interface WxDouble {
  /** Every function call, through either transport. */
  cloudCalls: Array<{ functionName: string; action: string; payload: unknown }>;
  /** Arguments of every wx.cloud.init. */
  cloudInits: unknown[];
  /** Every wx.request, as the app made it. */
  requests: Array<{ url: string; method?: string; header?: Record<string, string>; data: unknown }>;
  /** URLs opened by navigateTo or redirectTo, in order. */
  navigations: string[];
  toasts: string[];
  openedLocations: Array<Record<string, unknown>>;
  phoneCalls: string[];
  storage: Map<string, unknown>;
  /** Every pageScrollTo, as the app asked for it (the selector scrolled to). */
  scrolls: Array<{ selector?: string; scrollTop?: number }>;
  /** What the next scanCode returns: a scanned code, or 'cancel' when the resident backs out. */
  nextScan: { path?: string; result: string } | 'cancel';
}

export interface Callbacks<T> {
  success?: (result: T) => void;
  fail?: (error: unknown) => void;
}

/** Answers a wx call's callbacks with what `run` returns or throws, asynchronously like the real thing: callbacks never fire inside the call. */
export function settle<T>(callbacks: Callbacks<T>, run: () => T | Promise<T>): void {
  Promise.resolve()
    .then(run)
    .then(
      (result) => callbacks.success?.(result),
      (error: unknown) => callbacks.fail?.(error instanceof WxFail ? error : { errMsg: String(error) }),
    );
}

type Global = { wx?: Record<string, unknown> };

export interface WxDoubleOptions {
  functions: FunctionHost;
  storage?: Record<string, unknown>;
  /** Which build the app believes it is: a development build, 体验版 or the released one. */
  envVersion?: 'develop' | 'trial' | 'release';
}

export function installWx(options: WxDoubleOptions): WxDouble {
  const double: WxDouble = {
    cloudCalls: [],
    cloudInits: [],
    requests: [],
    navigations: [],
    toasts: [],
    openedLocations: [],
    phoneCalls: [],
    storage: new Map(Object.entries(options.storage ?? {})),
    nextScan: 'cancel',
    scrolls: [],
  };

  const page = (callbacks: Callbacks<object> & { url: string }) =>
    settle(callbacks, () => {
      double.navigations.push(callbacks.url);
      return { errMsg: 'ok' };
    });

  const overrides = {
    cloud: {
      init: (config: unknown) => void double.cloudInits.push(config),
      callFunction: (call: Callbacks<{ result: unknown }> & { name: string; data: CloudEvent }) => {
        double.cloudCalls.push({ functionName: call.name, action: call.data.action, payload: call.data.payload });
        settle(call, async () => ({ result: await options.functions(call.name, call.data), errMsg: 'cloud.callFunction:ok' }));
      },
    },
    request: (call: Callbacks<{ statusCode: number; data: unknown }> & { url: string; method?: string; header?: Record<string, string>; data: CloudEvent }) => {
      double.requests.push({ url: call.url, method: call.method, header: call.header, data: call.data });
      settle(call, async () => {
        const functionName = /\/fn\/([^/?]+)$/.exec(call.url)?.[1];
        if (!functionName) return { statusCode: 404, data: 'not found', errMsg: 'request:ok' };
        double.cloudCalls.push({ functionName, action: call.data.action, payload: call.data.payload });
        return { statusCode: 200, data: await options.functions(functionName, call.data), errMsg: 'request:ok' };
      });
    },
    getAccountInfoSync: () => ({ miniProgram: { appId: 'wx-test', envVersion: options.envVersion ?? 'develop', version: '' } }),
    getStorageSync: (key: string) => (double.storage.has(key) ? double.storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void double.storage.set(key, value),
    showToast: (toast: { title: string }) => void double.toasts.push(toast.title),
    pageScrollTo: (call: Callbacks<object> & { selector?: string; scrollTop?: number }) =>
      settle(call, () => {
        double.scrolls.push({ selector: call.selector, scrollTop: call.scrollTop });
        return { errMsg: 'pageScrollTo:ok' };
      }),
    navigateTo: page,
    redirectTo: page,
    scanCode: (call: Callbacks<object>) =>
      settle(call, () => {
        if (double.nextScan === 'cancel') throw new WxFail('scanCode:fail cancel');
        return { scanType: double.nextScan.path ? 'WX_CODE' : 'QR_CODE', charSet: 'utf-8', rawData: '', ...double.nextScan };
      }),
    openLocation: (call: Callbacks<object> & Record<string, unknown>) =>
      settle(call, () => {
        const { success: _s, fail: _f, ...place } = call;
        double.openedLocations.push(place);
        return { errMsg: 'openLocation:ok' };
      }),
    makePhoneCall: (call: Callbacks<object> & { phoneNumber: string }) =>
      settle(call, () => {
        double.phoneCalls.push(call.phoneNumber);
        return { errMsg: 'makePhoneCall:ok' };
      }),
  };

  const global = globalThis as Global;
  global.wx = { ...(global.wx ?? {}), ...overrides };
  return double;
}

export type Answer = ApiResponse<unknown> | ((payload: never, call: number) => ApiResponse<unknown> | Promise<ApiResponse<unknown>>);

/** Cloud functions that answer from a table; an action not in it is refused as the router would. */
export function fixtureFunctions(answers: Partial<Record<ActionName, Answer>>): FunctionHost {
  const calls = new Map<string, number>();
  return async (_functionName, event) => {
    const call = (calls.get(event.action) ?? 0) + 1;
    calls.set(event.action, call);
    const answer = answers[event.action as ActionName];
    if (answer === undefined) return refused('COMMON.UNKNOWN_ACTION');
    return typeof answer === 'function' ? answer(event.payload as never, call) : answer;
  };
}

/** The real local runtime, called the way the app's local transport calls it. */
export function localRuntimeFunctions(baseUrl = CONFIG.localBaseUrl, openid = CONFIG.devOpenid): FunctionHost {
  return (functionName, event) =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify(event);
      const request = http.request(`${baseUrl}/fn/${functionName}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-wx-openid': openid } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
          } catch (error) {
            reject(error);
          }
        });
      });
      request.on('error', () => reject(new WxFail('cloud.callFunction:fail request:fail')));
      request.end(body);
    });
}

export function ok<T>(data: T): ApiResponse<T> {
  return { ok: true, data };
}

export function refused(code: ErrorCode, fields?: Record<string, string>): ApiResponse<never> {
  return fields ? { ok: false, code, message: ERROR_MESSAGES[code], fields } : { ok: false, code, message: ERROR_MESSAGES[code] };
}

/** An answer that never arrives: the call fails the way a weak network makes it fail. */
export function networkDown(): never {
  throw new WxFail('cloud.callFunction:fail Error: errCode: -1 | errMsg: request:fail timeout');
}
