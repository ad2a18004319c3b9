/** @jest-environment jsdom */
import { usePageRuntime } from '../support/local-runtime';
import { openPage } from '../support/page';
import { installDevice } from '../support/wx-device';
import { installWx, localRuntimeFunctions } from '../support/wx-double';

const runtime = usePageRuntime();

/** A phone on the local runtime opens the scan page with the code's scene, as WeChat does after a scan. */
async function scanned(scene: string) {
  const wx = installWx({ functions: localRuntimeFunctions(runtime.url) });
  const device = installDevice(wx);
  const page = await openPage('scan', { scene });
  return { wx, device, page };
}

describe('扫码进入', () => {
  it("a deputy's QR code lands on that deputy's page", async () => {
    const { device } = await scanned('d%3DD001');

    await waitForRedirect(device);
    expect(device.redirects).toEqual(['/pages/deputy/index?deputyId=dp-001']);
    const deputy = await openPage('deputy', { deputyId: 'dp-001' });
    expect(deputy.text()).toContain('陈建华 全国人大代表');
    expect(deputy.text()).toContain('留言');
  });

  it("a station's QR code lands on that station's page", async () => {
    const { device } = await scanned('s%3DLJ01');

    await waitForRedirect(device);
    expect(device.redirects).toEqual(['/pages/station/index?stationId=st-linjiang']);
  });

  it('an unknown code shows plain words and the way to the station list, never a blank page', async () => {
    const { wx, device, page } = await scanned('d%3DD999');

    expect(page.text()).toBe('这个二维码已经不能用了 可能是代表或联络站的信息有了变化。请在联络站列表里找到您的代表，一样可以留言。 查看联络站列表 回到首页');
    expect(wx.cloudCalls.map((call) => call.action)).toEqual(['directory.resolveScene']);
    await page.tap('查看联络站列表');
    await page.waitFor(() => device.redirects.length > 0, 'the station list');
    expect(device.redirects).toEqual(['/pages/stations/index']);
  });

  it('a code that names nothing at all is unknown without asking the network', async () => {
    const { wx, page } = await scanned('hello');

    expect(page.text()).toContain('这个二维码已经不能用了');
    expect(wx.cloudCalls).toEqual([]);
  });

  function waitForRedirect(device: { redirects: string[] }) {
    return new Promise<void>((resolve, reject) => {
      const deadline = Date.now() + 5000;
      const check = () => (device.redirects.length > 0 ? resolve() : Date.now() > deadline ? reject(new Error('no redirect')) : setTimeout(check, 5));
      check();
    });
  }
});
