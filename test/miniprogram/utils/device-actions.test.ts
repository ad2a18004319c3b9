import { callOrShowNumber, openMapOr, previewPhotos } from '../../../miniprogram/utils/device-actions';
import { fixtureFunctions, installWx, type WxDouble } from '../support/wx-double';

let wx: WxDouble;
const globals = globalThis as unknown as { wx: Record<string, unknown> };
const failing = (errMsg: string) => (call: { fail?: (error: unknown) => void }) => call.fail?.({ errMsg });

beforeEach(() => {
  wx = installWx({ functions: fixtureFunctions({}) });
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => jest.restoreAllMocks());

const PLACE = { latitude: 30.1, longitude: 120.2, name: '临江街道人大代表联络站', address: '临江路1号' };

test('a tap dials the number and opens the place on the map', async () => {
  await callOrShowNumber('station', '0571-12345678');
  await openMapOr('station', PLACE, '暂时无法打开地图');
  expect(wx.phoneCalls).toEqual(['0571-12345678']);
  expect(wx.openedLocations).toEqual([expect.objectContaining(PLACE)]);
  expect(wx.toasts).toEqual([]);
});

test('where the phone cannot dial or open the map, the page says the number to dial, or what it was given to say', async () => {
  globals.wx.makePhoneCall = failing('makePhoneCall:fail');
  globals.wx.openLocation = failing('openLocation:fail');
  await callOrShowNumber('station', '0571-12345678');
  await openMapOr('station', PLACE, '暂时无法打开地图，请按地址前往');
  expect(wx.toasts).toEqual(['请拨打 0571-12345678', '暂时无法打开地图，请按地址前往']);
  expect(console.warn).toHaveBeenCalledWith('[station] makePhoneCall failed', expect.anything());
});

test('the photos open full screen from the one tapped', () => {
  const previewImage = jest.fn();
  globals.wx.previewImage = previewImage;
  previewPhotos([{ url: 'https://a/1.jpg' }, { url: 'https://a/2.jpg' }], 'https://a/2.jpg');
  expect(previewImage).toHaveBeenCalledWith(expect.objectContaining({ urls: ['https://a/1.jpg', 'https://a/2.jpg'], current: 'https://a/2.jpg' }));
});
