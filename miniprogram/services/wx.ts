/**
 * The only module that touches `wx.*` capabilities: typed, promise-based, and easy to
 * replace in tests (they install a `wx` double; nothing here captures `wx` at load time).
 */
import type { EnvVersion } from '../config';

/**
 * Why a wx call failed: the user cancelled, the user (or the phone's settings) refused a
 * permission, the network let us down, or the call itself failed.
 */
export type WxFailureKind = 'cancelled' | 'denied' | 'network' | 'failed';

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

// How WeChat words a refused permission ("auth deny", "authorize no response", "system permission denied",
// "privacy permission is not authorized"): the app explains it instead of calling it a failure.
const PERMISSION_REFUSED = /auth(orize)? ?(deny|denied|no response)|permission (is )?(denied|not authorized)/i;

function failureOf(api: string, error: unknown, classify: (errMsg: string) => WxFailureKind): WxCallError {
  const reported = typeof error === 'object' && error !== null ? (error as { errMsg?: unknown }).errMsg : undefined;
  const errMsg = typeof reported === 'string' ? reported : String(error);
  const kind = /cancel/i.test(errMsg) ? 'cancelled' : PERMISSION_REFUSED.test(errMsg) ? 'denied' : classify(errMsg);
  return new WxCallError(api, kind, errMsg);
}

/** The fail callback of a call the user may back out of: backing out answers `cancelled`; anything else is a failure. */
function unlessCancelled<T>(api: string, resolve: (value: T) => void, reject: (failure: WxCallError) => void, cancelled: T): (error: unknown) => void {
  return (error) => {
    const failure = failureOf(api, error, () => 'failed');
    if (failure.kind === 'cancelled') resolve(cancelled);
    else reject(failure);
  };
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
      fail: (error) => reject(failureOf('cloud.callFunction', error, (errMsg) => (CLOUD_NETWORK_FAILURE.test(errMsg) ? 'network' : 'failed'))),
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

export function removeStorage(key: string): void {
  try {
    wx.removeStorageSync(key);
  } catch (error) {
    console.warn(`[storage] could not remove ${key}`, error);
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

/** Replaces the current page, so 返回 skips it (a landing page that only forwards, a finished form). */
export async function redirectTo(url: string): Promise<void> {
  await pageCall('redirectTo', url).catch((error: unknown) => console.error(`[navigate] ${url}: cannot open`, error));
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
      fail: unlessCancelled('scanCode', resolve, reject, null),
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
      fail: unlessCancelled('makePhoneCall', resolve, reject, false),
    });
  });
}

/** A photo picked on the phone, before it is uploaded. */
export interface LocalImage {
  path: string;
  size: number;
}

/** The album or the camera; resolves [] when the user backs out. Photos come compressed: uploads are small on a weak network. */
export function chooseImages(count: number): Promise<LocalImage[]> {
  return new Promise((resolve, reject) => {
    wx.chooseMedia({
      count,
      mediaType: ['image'],
      sizeType: ['compressed'],
      sourceType: ['album', 'camera'],
      success: (res) => resolve(res.tempFiles.map((file) => ({ path: file.tempFilePath, size: file.size }))),
      fail: unlessCancelled('chooseMedia', resolve, reject, []),
    });
  });
}

/** Uploads a local file to cloud storage; resolves with its fileID. `onProgress` gets 0–100. */
export function cloudUploadFile(cloudPath: string, filePath: string, onProgress: (percent: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const task = wx.cloud.uploadFile({
      cloudPath,
      filePath,
      success: (res) => resolve(res.fileID),
      fail: (error) => reject(failureOf('cloud.uploadFile', error, (errMsg) => (CLOUD_NETWORK_FAILURE.test(errMsg) ? 'network' : 'failed'))),
    });
    task?.onProgressUpdate?.((res) => onProgress(res.progress));
  });
}

export function readFileBytes(filePath: string): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    wx.getFileSystemManager().readFile({
      filePath,
      success: (res) => resolve(res.data as ArrayBuffer),
      fail: (error) => reject(failureOf('readFile', error, () => 'failed')),
    });
  });
}

/** PUTs bytes to a URL and resolves with the HTTP status; any failure to get an answer is a network failure. */
export function putBytes(url: string, data: ArrayBuffer, header: Record<string, string>, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    wx.request({
      url,
      method: 'PUT',
      data,
      header,
      timeout: timeoutMs,
      success: (res) => resolve(res.statusCode),
      fail: (error) => reject(failureOf('request', error, () => 'network')),
    });
  });
}

export interface GeoPosition {
  latitude: number;
  longitude: number;
}

/** Where the phone is (GCJ-02, as stations are stored); rejects with kind 'denied' when the resident says no. */
export function getLocation(): Promise<GeoPosition> {
  return new Promise((resolve, reject) => {
    wx.getLocation({
      type: 'gcj02',
      success: (res) => resolve({ latitude: res.latitude, longitude: res.longitude }),
      fail: (error) => reject(failureOf('getLocation', error, () => 'failed')),
    });
  });
}

/** The map picker; resolves null when the resident backs out. */
export function chooseLocation(): Promise<Place | null> {
  return new Promise((resolve, reject) => {
    wx.chooseLocation({
      success: (res) => resolve({ latitude: res.latitude, longitude: res.longitude, name: res.name, address: res.address }),
      fail: unlessCancelled('chooseLocation', resolve, reject, null),
    });
  });
}

/** Shows photos full screen, where the resident can zoom (and long-press to save). */
export function previewImages(urls: string[], current: string): void {
  wx.previewImage({ urls, current, fail: (error) => console.warn('[previewImage] failed', error) });
}

/** Downloads an image and saves it to the phone's album; rejects with kind 'denied' when not allowed. */
export async function saveImageToAlbum(url: string): Promise<void> {
  const filePath = await new Promise<string>((resolve, reject) => {
    wx.downloadFile({
      url,
      success: (res) =>
        res.statusCode >= 200 && res.statusCode < 300 ? resolve(res.tempFilePath) : reject(new WxCallError('downloadFile', 'failed', `downloadFile:fail status ${res.statusCode}`)),
      fail: (error) => reject(failureOf('downloadFile', error, () => 'network')),
    });
  });
  await new Promise<void>((resolve, reject) => {
    wx.saveImageToPhotosAlbum({
      filePath,
      success: () => resolve(),
      fail: (error) => reject(failureOf('saveImageToPhotosAlbum', error, () => 'failed')),
    });
  });
}

export function copyText(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    wx.setClipboardData({ data: text, success: () => resolve(), fail: (error) => reject(failureOf('setClipboardData', error, () => 'failed')) });
  });
}

/**
 * Asks the user to allow subscribe messages (one each time they allow). Must run inside a tap.
 * Answers the templates they allowed. Never rejects: a refusal only means no message; the app
 * works the same (the news waits in 我的消息).
 */
export function requestSubscribe(templateIds: string[]): Promise<string[]> {
  return new Promise((resolve) => {
    try {
      wx.requestSubscribeMessage({
        tmplIds: templateIds,
        success: (result) => resolve(templateIds.filter((id) => (result as unknown as Record<string, string>)[id] === 'accept')),
        fail: (error) => {
          console.warn('[subscribe] not allowed', error);
          resolve([]);
        },
      });
    } catch (error) {
      console.warn('[subscribe] not available', error);
      resolve([]);
    }
  });
}

/** Back to the page before (a finished form); from a page opened first, nothing happens. */
export function navigateBack(): void {
  wx.navigateBack({ fail: (error) => console.warn('[navigate] back failed', error) });
}

/** A yes/no question in the system dialog; resolves true only for yes. */
export function confirm(question: { title: string; content: string; confirmText: string; cancelText: string }): Promise<boolean> {
  return new Promise((resolve) => {
    wx.showModal({
      ...question,
      success: (res) => resolve(res.confirm),
      fail: (error) => {
        console.warn('[showModal] failed', error);
        resolve(false);
      },
    });
  });
}

/** Downloads a file (an exported spreadsheet) and resolves with its temporary path on the phone. */
export function downloadFile(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    wx.downloadFile({
      url,
      success: (res) =>
        res.statusCode >= 200 && res.statusCode < 300 ? resolve(res.tempFilePath) : reject(new WxCallError('downloadFile', 'failed', `downloadFile:fail status ${res.statusCode}`)),
      fail: (error) => reject(failureOf('downloadFile', error, () => 'network')),
    });
  });
}

/**
 * Opens a downloaded document in WeChat's viewer, with its menu (…) so the user can forward it
 * to a chat or a computer, or save it.
 */
export function openDocument(filePath: string, fileType: 'xlsx' | 'pdf' | 'docx'): Promise<void> {
  return new Promise((resolve, reject) => {
    wx.openDocument({ filePath, fileType, showMenu: true, success: () => resolve(), fail: (error) => reject(failureOf('openDocument', error, () => 'failed')) });
  });
}

/** What the privacy popup answers WeChat: agreement (with the id of the agree button tapped), or refusal. */
export type PrivacyAnswer = { event: 'agree'; buttonId: string } | { event: 'disagree' };

/**
 * Listens for WeChat asking for consent to the privacy notice (app.json `__usePrivacyCheck__`):
 * before a privacy API runs (location, photos …) or when requirePrivacyAuthorize asks. WeChat keeps
 * one listener, the last one registered, so each popup registers again when its page shows. On base
 * libraries without it (before 2.32.3) WeChat shows its own notice and nothing is asked here.
 */
export function onNeedPrivacyAuthorization(listener: (resolve: (answer: PrivacyAnswer) => void) => void): void {
  // The typings give the listener WeChat's generic result; the documented argument is the resolve function.
  const register = wx.onNeedPrivacyAuthorization as unknown as ((callback: (resolve: (answer: PrivacyAnswer) => void) => void) => void) | undefined;
  if (typeof register !== 'function') return;
  register(listener);
}

/** Asks for consent now if it was not given yet (the popup shows); resolves whether it is given. */
export function requirePrivacyAuthorize(): Promise<boolean> {
  if (typeof wx.requirePrivacyAuthorize !== 'function') return Promise.resolve(true);
  return new Promise((resolve) => {
    wx.requirePrivacyAuthorize({ success: () => resolve(true), fail: () => resolve(false) });
  });
}

/** Scrolls to the first element matching `selector`; sent after the setData that marked it, so it is there. */
export function scrollToFirst(selector: string): void {
  if (typeof wx.pageScrollTo !== 'function') return;
  wx.pageScrollTo({ selector, offsetTop: -24, duration: 200, fail: (error) => console.warn('[scroll] not scrolled', error) });
}

/** Opens the full privacy guide (隐私保护指引) as filed in the mini-program's admin console. */
export function openPrivacyContract(): Promise<void> {
  if (typeof wx.openPrivacyContract !== 'function') return Promise.resolve();
  return new Promise((resolve, reject) => {
    wx.openPrivacyContract({ success: () => resolve(), fail: (error) => reject(failureOf('openPrivacyContract', error, () => 'failed')) });
  });
}

/** Forgets everything the app kept on this phone (drafts with contact details, the remembered profile): after the account is deleted. */
export function clearStorage(): void {
  try {
    wx.clearStorageSync();
  } catch (error) {
    console.warn('[storage] clear failed', error);
  }
}

/** Closes every page and opens `url`: a fresh start (after the account is deleted). */
export function reLaunch(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    wx.reLaunch({ url, success: () => resolve(), fail: (error) => reject(failureOf('reLaunch', error, () => 'failed')) });
  });
}
