/**
 * The phone's own capabilities, added to an installed `wx` double (support/wx-double.ts):
 * the album and camera, files, cloud storage uploads, location, the map picker, image preview,
 * the album, the clipboard. Tests say what the resident picks (`nextPhotos`, `location`) and
 * read what the app did (`uploads`, `previews`, `redirects`).
 *
 * Uploads are real: given the local runtime's URL, `wx.cloud.uploadFile` speaks CloudBase's
 * storage protocol to it (upload grant from /admin, then PUT), as the cloud would store the
 * file, and any `wx.request` that is not a function call (the local back end's own upload
 * path) goes to the runtime over HTTP.
 */
import http from 'node:http';
import { runtimeTokenHeader } from '../../support/runtimeAccess';
import { settle, WxFail, type Callbacks, type WxDouble } from './wx-double';

export interface PickedPhoto {
  path: string;
  bytes: Buffer;
}

export interface PickedPlace {
  latitude: number;
  longitude: number;
  name: string;
  address: string;
}

export interface DeviceDouble {
  /** What the next chooseMedia returns: photos picked, or 'cancel' when the resident backs out. */
  nextPhotos: PickedPhoto[] | 'cancel';
  /** Where the phone is, or why it cannot say. */
  location: { latitude: number; longitude: number } | 'denied' | 'unavailable';
  /** What the next chooseLocation returns. */
  nextPlace: PickedPlace | 'cancel';
  /** Whether the resident lets the app save to the album. */
  albumAllowed: boolean;
  /** Every upload to cloud storage through wx.cloud.uploadFile. */
  uploads: Array<{ cloudPath: string; fileID: string }>;
  /** Cloud uploads fail (a weak network) while this is true. */
  uploadsFail: boolean;
  previews: Array<{ urls: string[]; current: string }>;
  savedToAlbum: string[];
  clipboard: string[];
  /** URLs opened with redirectTo (they are in `navigations` too). */
  redirects: string[];
  locationRequests: number;
  /** Template ids the app asked the resident to allow subscribe messages for. */
  subscribeRequests: string[][];
}

type Global = { wx: Record<string, unknown> & { cloud: Record<string, unknown> } };

interface HttpAnswer {
  statusCode: number;
  data: unknown;
}

function httpCall(url: string, method: string, header: Record<string, string>, body: Buffer | undefined): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers: { ...header, ...(body ? { 'content-length': String(body.length) } : {}) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let data: unknown = text;
        if (/json/.test(String(response.headers['content-type'] ?? ''))) data = JSON.parse(text);
        resolve({ statusCode: response.statusCode ?? 0, data });
      });
    });
    request.on('error', () => reject(new WxFail('request:fail')));
    request.end(body);
  });
}

function bodyOf(data: unknown): { body: Buffer | undefined; contentType?: string } {
  if (data === undefined) return { body: undefined };
  if (data instanceof ArrayBuffer) return { body: Buffer.from(data) };
  if (ArrayBuffer.isView(data)) return { body: Buffer.from(data.buffer, data.byteOffset, data.byteLength) };
  return { body: Buffer.from(JSON.stringify(data), 'utf8'), contentType: 'application/json' };
}

/** Uploads bytes to the runtime's storage the way the CloudBase SDK does; resolves with the fileID. */
export async function uploadToRuntime(runtimeUrl: string, cloudPath: string, bytes: Buffer): Promise<string> {
  const grant = await httpCall(
    `${runtimeUrl}/admin`,
    'POST',
    { 'content-type': 'application/json', ...runtimeTokenHeader(runtimeUrl) },
    Buffer.from(JSON.stringify({ action: 'storage.getUploadMetadata', path: cloudPath, method: 'put' })),
  );
  const data = (grant.data as { data?: { url: string; authorization: string; fileId: string } }).data;
  if (!data) throw new Error(`no upload grant: ${JSON.stringify(grant.data)}`);
  const put = await httpCall(data.url, 'PUT', { authorization: data.authorization }, bytes);
  if (put.statusCode !== 200) throw new Error(`upload refused: ${put.statusCode}`);
  return data.fileId;
}

export function installDevice(double: WxDouble, options: { runtimeUrl?: string } = {}): DeviceDouble {
  const device: DeviceDouble = {
    nextPhotos: 'cancel',
    location: { latitude: 30.5929, longitude: 114.3056 },
    nextPlace: 'cancel',
    albumAllowed: true,
    uploads: [],
    uploadsFail: false,
    previews: [],
    savedToAlbum: [],
    clipboard: [],
    redirects: [],
    locationRequests: 0,
    subscribeRequests: [],
  };
  const files = new Map<string, Buffer>();

  const global = globalThis as unknown as Global;
  const wx = global.wx;
  const functionRequest = wx.request as (call: object) => void;
  const redirect = wx.redirectTo as (call: { url: string }) => void;

  Object.assign(wx, {
    chooseMedia: (call: Callbacks<object> & { count?: number }) =>
      settle(call, () => {
        if (device.nextPhotos === 'cancel') throw new WxFail('chooseMedia:fail cancel');
        const picked = device.nextPhotos.slice(0, call.count ?? 9);
        for (const photo of picked) files.set(photo.path, photo.bytes);
        return { type: 'image', tempFiles: picked.map((photo) => ({ tempFilePath: photo.path, size: photo.bytes.length, fileType: 'image' })) };
      }),
    getFileSystemManager: () => ({
      readFile: (call: Callbacks<{ data: ArrayBuffer }> & { filePath: string }) =>
        settle(call, () => {
          const bytes = files.get(call.filePath);
          if (!bytes) throw new WxFail(`readFile:fail no such file ${call.filePath}`);
          return { data: new Uint8Array(bytes).buffer };
        }),
    }),
    request: (call: Callbacks<HttpAnswer> & { url: string; method?: string; header?: Record<string, string>; data?: unknown }) => {
      if (/\/fn\/[^/?]+$/.test(call.url)) return functionRequest(call);
      double.requests.push({ url: call.url, method: call.method, header: call.header, data: call.data });
      return settle(call, () => {
        const { body, contentType } = bodyOf(call.data);
        return httpCall(call.url, call.method ?? 'GET', { ...(contentType ? { 'content-type': contentType } : {}), ...(call.header ?? {}) }, body);
      });
    },
    getLocation: (call: Callbacks<object>) =>
      settle(call, () => {
        device.locationRequests += 1;
        if (device.location === 'denied') throw new WxFail('getLocation:fail auth deny');
        if (device.location === 'unavailable') throw new WxFail('getLocation:fail system error');
        return { ...device.location, accuracy: 30, errMsg: 'getLocation:ok' };
      }),
    chooseLocation: (call: Callbacks<object>) =>
      settle(call, () => {
        if (device.nextPlace === 'cancel') throw new WxFail('chooseLocation:fail cancel');
        return { ...device.nextPlace, errMsg: 'chooseLocation:ok' };
      }),
    previewImage: (call: { urls: string[]; current: string }) => void device.previews.push({ urls: call.urls, current: call.current }),
    downloadFile: (call: Callbacks<object> & { url: string }) => settle(call, () => ({ tempFilePath: `wxfile://download/${encodeURIComponent(call.url)}`, statusCode: 200 })),
    saveImageToPhotosAlbum: (call: Callbacks<object> & { filePath: string }) =>
      settle(call, () => {
        if (!device.albumAllowed) throw new WxFail('saveImageToPhotosAlbum:fail auth deny');
        device.savedToAlbum.push(call.filePath);
        return { errMsg: 'saveImageToPhotosAlbum:ok' };
      }),
    setClipboardData: (call: Callbacks<object> & { data: string }) =>
      settle(call, () => {
        device.clipboard.push(call.data);
        return { errMsg: 'setClipboardData:ok' };
      }),
    requestSubscribeMessage: (call: Callbacks<object> & { tmplIds: string[] }) =>
      settle(call, () => {
        device.subscribeRequests.push(call.tmplIds);
        return Object.fromEntries([...call.tmplIds.map((id) => [id, 'accept']), ['errMsg', 'requestSubscribeMessage:ok']]);
      }),
    removeStorageSync: (key: string) => void double.storage.delete(key),
    redirectTo: (call: { url: string }) => {
      device.redirects.push(call.url);
      redirect(call);
    },
  });

  wx.cloud = {
    ...wx.cloud,
    uploadFile: (call: Callbacks<{ fileID: string; statusCode: number }> & { cloudPath: string; filePath: string }) => {
      const listeners: Array<(res: { progress: number }) => void> = [];
      settle(call, async () => {
        if (device.uploadsFail) throw new WxFail('cloud.uploadFile:fail request:fail timeout');
        const bytes = files.get(call.filePath);
        if (!bytes) throw new WxFail(`cloud.uploadFile:fail no such file ${call.filePath}`);
        for (const listener of listeners) listener({ progress: 50 });
        const fileID = options.runtimeUrl ? await uploadToRuntime(options.runtimeUrl, call.cloudPath, bytes) : `cloud://test-env.test-env-1/${call.cloudPath}`;
        for (const listener of listeners) listener({ progress: 100 });
        device.uploads.push({ cloudPath: call.cloudPath, fileID });
        return { fileID, statusCode: 200, errMsg: 'cloud.uploadFile:ok' };
      });
      return { onProgressUpdate: (listener: (res: { progress: number }) => void) => void listeners.push(listener) };
    },
  };
  return device;
}

/** The smallest valid JPEG-looking bytes: storage does not look inside. */
export function photoBytes(seed: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(seed, 'utf8'), Buffer.from([0xff, 0xd9])]);
}
