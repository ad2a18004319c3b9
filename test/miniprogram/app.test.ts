import path from 'node:path';
import { CONFIG } from '../../miniprogram/config';
import { FONT_SCALE_STORAGE_KEY } from '../../miniprogram/stores/font-scale';
import { flush } from './support/wait';
import { fixtureFunctions, installWx, ok, type WxDoubleOptions } from './support/wx-double';

type AppOptions = { onLaunch(): void };

/** Launches app.ts the way WeChat does: its module registers the app, then onLaunch runs. */
function launch(options: WxDoubleOptions) {
  const wx = installWx(options);
  let app: AppOptions | undefined;
  (globalThis as { App?: (options: AppOptions) => void }).App = (registered) => (app = registered);
  jest.isolateModules(() => require(path.resolve(__dirname, '../../miniprogram/app')));
  (app as AppOptions).onLaunch();
  return wx;
}

const account = fixtureFunctions({ 'account.getProfile': ok({ roles: ['resident'], preferences: { fontScale: 'extraLarge' } }) });

afterEach(() => delete (globalThis as { App?: unknown }).App);

describe('app launch', () => {
  it('in the released app, initialises CloudBase and calls the functions through wx.cloud', async () => {
    const wx = launch({ functions: account, envVersion: 'release' });
    await flush();

    expect(wx.cloudInits).toEqual([{ traceUser: true }]);
    expect(wx.requests).toEqual([]);
    expect(wx.cloudCalls.map((call) => call.action)).toEqual(['account.getProfile']);
  });

  it('in development, calls the local runtime as configured, without CloudBase', async () => {
    const wx = launch({ functions: account, envVersion: 'develop' });
    await flush();

    expect(CONFIG.backend).toBe('local');
    expect(wx.cloudInits).toEqual([]);
    expect(wx.requests.map((request) => request.url)).toEqual([`${CONFIG.localBaseUrl}/fn/account`]);
  });

  it("brings the account's font size to this phone at launch", async () => {
    const wx = launch({ functions: account, envVersion: 'release' });
    await flush();

    expect(wx.storage.get(FONT_SCALE_STORAGE_KEY)).toEqual({ fontScale: 'extraLarge', synced: true });
  });
});
