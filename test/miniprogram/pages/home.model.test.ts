import type * as HomeModel from '../../../miniprogram/pages/home/model';
import { FONT_SAVED_LATER, scanOutcome, UNRECOGNISED_CODE } from '../../../miniprogram/pages/home/model';
import { freshApp } from '../support/fresh-app';
import { fixtureFunctions, installWx, networkDown, ok, refused } from '../support/wx-double';

const model = () => freshApp<typeof HomeModel>('pages/home/model');

describe('首页 model: 扫一扫', () => {
  it('opens a page of ours carried by one of our mini-program codes', () => {
    expect(scanOutcome({ path: 'pages/station/index?stationId=st-heping', result: '' })).toEqual({
      kind: 'open',
      url: '/pages/station/index?stationId=st-heping',
    });
    expect(scanOutcome({ path: '/pages/deputy/index?deputyId=dp-wang', result: '' })).toEqual({
      kind: 'open',
      url: '/pages/deputy/index?deputyId=dp-wang',
    });
  });

  it('does not follow codes that are not ours', () => {
    expect(scanOutcome({ path: 'pages/unknown/index', result: '' })).toEqual({ kind: 'unrecognised' });
    expect(scanOutcome({ result: 'https://example.com/' })).toEqual({ kind: 'unrecognised' });
  });

  it('does nothing when the resident backs out of the scanner', () => {
    expect(scanOutcome(null)).toEqual({ kind: 'cancelled' });
  });

  it('takes the resident to the scanned station', async () => {
    const wx = installWx({ functions: fixtureFunctions({}) });
    wx.nextScan = { path: 'pages/station/index?stationId=st-heping', result: '' };

    await model().scanAndOpen();

    expect(wx.navigations).toEqual(['/pages/station/index?stationId=st-heping']);
    expect(wx.toasts).toEqual([]);
  });

  it('says 无法识别该二维码 for any other code', async () => {
    const wx = installWx({ functions: fixtureFunctions({}) });
    wx.nextScan = { result: 'https://example.com/' };

    await model().scanAndOpen();

    expect(wx.toasts).toEqual([UNRECOGNISED_CODE]);
    expect(wx.navigations).toEqual([]);
  });
});

describe('首页 model: 字体大小', () => {
  it('saves the new size to the account without a word when it works', async () => {
    const wx = installWx({
      functions: fixtureFunctions({ 'account.updatePreferences': ok({ roles: ['resident'], preferences: { fontScale: 'standard' } }) }),
    });

    await model().changeFontScale('standard');

    expect(wx.cloudCalls.map((call) => call.payload)).toEqual([{ fontScale: 'standard' }]);
    expect(wx.toasts).toEqual([]);
  });

  it('says the size will be saved later when the network is down', async () => {
    const wx = installWx({ functions: fixtureFunctions({ 'account.updatePreferences': networkDown }) });

    await model().changeFontScale('extraLarge');

    expect(wx.toasts).toEqual([FONT_SAVED_LATER]);
  });

  it('shows the refusal message otherwise', async () => {
    const wx = installWx({ functions: fixtureFunctions({ 'account.updatePreferences': refused('AUTH.REQUIRED') }) });

    await model().changeFontScale('extraLarge');

    expect(wx.toasts).toEqual(['请在微信中打开小程序后再试']);
  });
});
