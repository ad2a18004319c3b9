import type * as Api from '../../../miniprogram/services/api';
import type * as Photos from '../../../miniprogram/services/photos';
import { opinionPhotoPath } from '../../../miniprogram/services/photos';
import { CONFIG } from '../../../miniprogram/config';
import { startTestRuntime, type TestRuntime } from '../../support/runtime';
import { installDevice, photoBytes } from '../support/wx-device';
import { installWx, localRuntimeFunctions } from '../support/wx-double';
import path from 'node:path';

let t: TestRuntime;
beforeAll(async () => {
  t = await startTestRuntime();
});
afterAll(async () => t.stop());

/** The upload seam as the app has it after launch with the given back end. */
function photosWith(backend: 'cloud' | 'local') {
  const wx = installWx({ functions: localRuntimeFunctions(t.runtime.url) });
  const device = installDevice(wx, { runtimeUrl: t.runtime.url });
  let photos: typeof Photos | undefined;
  jest.isolateModules(() => {
    const api = require(path.resolve(__dirname, '../../../miniprogram/services/api')) as typeof Api;
    api.useBackend(backend, { ...CONFIG, localBaseUrl: t.runtime.url });
    photos = require(path.resolve(__dirname, '../../../miniprogram/services/photos')) as typeof Photos;
  });
  return { wx, device, photos: photos as typeof Photos };
}

async function download(url: string): Promise<Buffer> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

describe('opinion photo uploads', () => {
  it('go under opinion-photos/<Shanghai date>/ with a random name', () => {
    expect(opinionPhotoPath(new Date('2026-11-22T17:00:00.000Z'), 'k3j2h1')).toBe('opinion-photos/20261123/k3j2h1.jpg');
  });

  it('with the local back end, speak the CloudBase storage protocol to the runtime: a grant, then a PUT', async () => {
    const { wx, device, photos } = photosWith('local');
    device.nextPhotos = [{ path: 'wxfile://tmp/lamp.jpg', bytes: photoBytes('lamp') }];
    const [picked] = await new Promise<Array<{ tempFilePath: string }>>((resolve) =>
      (globalThis as unknown as { wx: { chooseMedia(call: object): void } }).wx.chooseMedia({
        count: 1,
        success: (res: { tempFiles: Array<{ tempFilePath: string }> }) => resolve(res.tempFiles),
      }),
    );
    const progress: number[] = [];

    const fileID = await photos.uploadOpinionPhoto(picked?.tempFilePath ?? '', (percent) => progress.push(percent));

    expect(fileID).toMatch(/^cloud:\/\/[A-Za-z0-9._-]+\/opinion-photos\/\d{8}\/[a-z0-9]+\.jpg$/);
    expect(progress.at(-1)).toBe(100);
    expect(wx.requests.map((request) => `${request.method} ${request.url.replace(t.runtime.url, '')}`)).toEqual([
      'POST /client-upload',
      expect.stringMatching(/^PUT \/storage\/opinion-photos\/\d{8}\/[a-z0-9]+\.jpg$/),
    ]);
    expect(device.uploads).toEqual([]);
    const cloudPath = fileID.replace(/^cloud:\/\/[^/]+\//, '');
    expect(await download(`${t.runtime.url}/storage/${cloudPath}`)).toEqual(photoBytes('lamp'));
  });

  it('in production, use wx.cloud.uploadFile with its progress', async () => {
    const { wx, device, photos } = photosWith('cloud');
    device.nextPhotos = [{ path: 'wxfile://tmp/b.jpg', bytes: photoBytes('b') }];
    await new Promise((resolve) => (globalThis as unknown as { wx: { chooseMedia(call: object): void } }).wx.chooseMedia({ success: resolve }));
    const progress: number[] = [];

    const fileID = await photos.uploadOpinionPhoto('wxfile://tmp/b.jpg', (percent) => progress.push(percent));

    expect(device.uploads).toEqual([{ cloudPath: expect.stringMatching(/^opinion-photos\/\d{8}\/[a-z0-9]+\.jpg$/), fileID }]);
    expect(progress).toEqual([50, 100]);
    expect(wx.requests).toEqual([]);
  });

  it('a weak network is a network failure the form can offer to retry', async () => {
    const { device, photos } = photosWith('cloud');
    device.uploadsFail = true;
    await expect(photos.uploadOpinionPhoto('wxfile://tmp/none.jpg', () => undefined)).rejects.toMatchObject({ code: 'COMMON.NETWORK' });
  });
});
