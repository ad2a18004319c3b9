/**
 * The only module that touches `wx.*` capabilities: typed, promise-based, and easy to
 * replace in tests (they install a `wx` double; nothing here captures `wx` at load time).
 */
import type { EnvVersion } from '../config';

/** Why a wx call failed: the user cancelled, the network let us down, or the call itself failed. */
export type WxFailureKind = 'cancelled' | 'network' | 'failed';

export class WxCallError extends Error {
  constructor(
    readonly api: string,
    readonly kind: WxFailureKind,
    readonly errMsg: string,
  ) {
    super(`${api}: ${errMsg}`);
    this.name = 'WxCallError';
  }
}

function failureOf(api: string, error: unknown, classify: (errMsg: string) => WxFailureKind): WxCallError {
  const reported = typeof error === 'object' && error !== null ? (error as { errMsg?: unknown }).errMsg : undefined;
  const errMsg = typeof reported === 'string' ? reported : String(error);
  return new WxCallError(api, /cancel/i.test(errMsg) ? 'cancelled' : classify(errMsg), errMsg);
}

/** Rejects a call that has not answered in time: on a weak network it may never answer. */
function withTimeout<T>(api: string, promise: Promise<T>, timeoutMs: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new WxCallError(api, 'network', `${api}:fail timeout`)), timeoutMs);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

// Cloud function failures that mean "could not reach it in time" rather than "it ran and broke".
const CLOUD_NETWORK_FAILURE = /timeout|request:fail|network|errCode: ?-1\b|-404012/i;

export function initCloud(env: string): void {
  wx.cloud.init(env ? { env, traceUser: true } : { traceUser: true });
}

/** Calls a cloud function and resolves with its return value (`result`). */
export function callFunction(name: string, data: object, timeoutMs: number): Promise<unknown> {
  const call = new Promise<unknown>((resolve, reject) => {
    wx.cloud.callFunction({
      name,
      data,
      success: (res) => resolve(res.result),
      fail: (error) =>
        reject(failureOf('cloud.callFunction', error, (errMsg) => (CLOUD_NETWORK_FAILURE.test(errMsg) ? 'network' : 'failed'))),
    });
  });
  return withTimeout('cloud.callFunction', call, timeoutMs);
}

/** A JSON POST resolving with the response body; any failure to get an answer is a network failure. */
export function postJson(url: string, body: object, header: Record<string, string>, timeoutMs: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    wx.request({
      url,
      method: 'POST',
      data: body,
      header: { 'content-type': 'application/json', ...header },
      timeout: timeoutMs,
      success: (res) => resolve(res.data),
      fail: (error) => reject(failureOf('request', error, () => 'network')),
    });
  });
}

export function envVersion(): EnvVersion {
  return wx.getAccountInfoSync().miniProgram.envVersion;
}

export function readStorage(key: string): unknown {
  try {
    const value: unknown = wx.getStorageSync(key);
    return value === '' ? undefined : value;
  } catch {
    // Unreadable storage behaves like empty storage: the app falls back to its defaults.
    return undefined;
  }
}

export function writeStorage(key: string, value: unknown): void {
  try {
    wx.setStorageSync(key, value);
  } catch (error) {
    console.warn(`[storage] could not save ${key}`, error);
  }
}

/** A plain text toast, long enough to read. */
export function showToast(title: string): void {
  wx.showToast({ title, icon: 'none', duration: 2500 });
}

/**
 * Opens a page. WeChat keeps at most ten pages; when the stack is full the new page replaces
 * the current one instead of leaving the resident's tap without effect. Never rejects: there
 * is nothing a resident could do about a page that cannot open, so it is logged.
 */
export async function navigateTo(url: string): Promise<void> {
  try {
    await pageCall('navigateTo', url);
  } catch (error) {
    console.warn(`[navigate] ${url}: navigateTo failed, replacing the page instead`, error);
    await pageCall('redirectTo', url).catch((failure: unknown) => console.error(`[navigate] ${url}: cannot open`, failure));
  }
}

function pageCall(api: 'navigateTo' | 'redirectTo', url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const options = { url, success: () => resolve(), fail: (error: unknown) => reject(failureOf(api, error, () => 'failed')) };
    if (api === 'navigateTo') wx.navigateTo(options);
    else wx.redirectTo(options);
  });
}

export interface ScanResult {
  /** Present when the code is a mini-program code of this mini-program. */
  path?: string;
  result: string;
}

/** Opens the scanner; resolves null when the user backs out. */
export function scanCode(): Promise<ScanResult | null> {
  return new Promise((resolve, reject) => {
    wx.scanCode({
      success: (res) => resolve(res.path ? { path: res.path, result: res.result } : { result: res.result }),
      fail: (error) => {
        const failure = failureOf('scanCode', error, () => 'failed');
        if (failure.kind === 'cancelled') resolve(null);
        else reject(failure);
      },
    });
  });
}

export interface Place {
  latitude: number;
  longitude: number;
  name: string;
  address: string;
}

export function openLocation(place: Place): Promise<void> {
  return new Promise((resolve, reject) => {
    wx.openLocation({ ...place, scale: 16, success: () => resolve(), fail: (error) => reject(failureOf('openLocation', error, () => 'failed')) });
  });
}

/** Shows the system's call sheet; resolves false when the user does not call. */
export function makePhoneCall(phoneNumber: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    wx.makePhoneCall({
      phoneNumber,
      success: () => resolve(true),
      fail: (error) => {
        const failure = failureOf('makePhoneCall', error, () => 'failed');
        if (failure.kind === 'cancelled') resolve(false);
        else reject(failure);
      },
    });
  });
}
