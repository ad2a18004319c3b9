/** @jest-environment jsdom */
import { openPage, wentTo } from '../support/page';
import { fixtureFunctions, installWx, ok, type WxDouble } from '../support/wx-double';

const account = fixtureFunctions({
  'account.updatePreferences': (payload: { fontScale: 'standard' | 'large' | 'extraLarge' }) => ok({ roles: ['resident'], preferences: payload }),
});

/** The home page on a phone whose next scan, if any, reads `nextScan`. */
async function openHome(nextScan?: WxDouble['nextScan']) {
  const wx = installWx({ functions: account });
  if (nextScan) wx.nextScan = nextScan;
  return { wx, page: await openPage('home') };
}

describe('首页', () => {
  it('says what the app is for, in plain words, with big buttons', async () => {
    installWx({ functions: account });

    const page = await openPage('home');

    expect(page.text()).toBe(
      '连心桥 找到身边的人大代表和代表联络站，把您的意见和建议告诉代表。 找代表/联络站 扫一扫 我的意见 我的预约 我的消息 字体大小 标准 大 特大 我是代表 我是工作人员 我的数据',
    );
    expect(page.rootClass()).toContain('fs-large');
  });

  it('takes the resident to the stations with one tap', async () => {
    const { wx, page } = await openHome();
    expect(await wentTo(page, '找代表/联络站', wx.navigations)).toEqual(['/pages/stations/index']);
  });

  it('makes the text bigger at once and saves the choice to the account', async () => {
    const { wx, page } = await openHome();

    await page.tap('特大');

    await page.waitFor(() => page.rootClass().includes('fs-extraLarge'), 'the bigger font');
    const saves = () => wx.cloudCalls.filter((call) => call.action === 'account.updatePreferences');
    await page.waitFor(() => saves().length > 0, 'the account to be told');
    expect(saves()).toEqual([{ functionName: 'account', action: 'account.updatePreferences', payload: { fontScale: 'extraLarge' } }]);
  });

  it('opens the station a scanned code of ours points to', async () => {
    const { wx, page } = await openHome({ path: 'pages/station/index?stationId=st-heping', result: '' });
    expect(await wentTo(page, '扫一扫', wx.navigations)).toEqual(['/pages/station/index?stationId=st-heping']);
  });

  it('says 无法识别该二维码 for a code that is not ours', async () => {
    const { wx, page } = await openHome({ result: 'https://example.com/' });

    await page.tap('扫一扫');

    await page.waitFor(() => wx.toasts.length > 0, 'the toast');
    expect(wx.toasts).toEqual(['无法识别该二维码']);
    expect(wx.navigations).toEqual([]);
  });
});
