/** @jest-environment jsdom */
/**
 * 公开数据 on the real pages against the real local runtime: a resident opens a station's page,
 * taps 公开数据 and sees its headline figures from one cloud call; another period is another call;
 * a figure opens the anonymised list behind it. From 找联络站, an area opens its own figures.
 */
import { addMonths, shanghaiDate } from '../../../miniprogram/shared/domain/time';
import { pageClock, usePageRuntime } from '../support/local-runtime';
import { openPage, wentTo } from '../support/page';
import { callAs, DEMO_RESIDENT } from '../support/runtime-calls';
import { installDevice } from '../support/wx-device';
import { installDialogs, queryOf } from '../support/wx-dialogs';
import { installWx, localRuntimeFunctions, type WxDouble } from '../support/wx-double';

const runtime = usePageRuntime();

function phone(): WxDouble {
  const wx = installWx({ functions: localRuntimeFunctions(runtime.url, DEMO_RESIDENT) });
  installDevice(wx, { runtimeUrl: runtime.url });
  installDialogs();
  return wx;
}

describe('公开数据', () => {
  it('from a station’s page: its figures in one call, last month on request, and a figure opens the list behind it without names', async () => {
    const wx = phone();
    const station = await openPage('station', { stationId: 'st-nanhu' });
    await station.waitFor(() => station.data.status === 'ready', 'the station');
    expect(await wentTo(station, '公开数据', wx.navigations)).toEqual(['/packages/figures/index/index?stationId=st-nanhu']);

    wx.cloudCalls.length = 0;
    const page = await openPage('figures', queryOf(wx.navigations[0]!));
    await page.waitFor(() => page.data.status === 'ready', 'the figures');
    expect(wx.cloudCalls.map((call) => call.action)).toEqual(['casework.figures']);
    const today = shanghaiDate(pageClock().now());
    const thisMonth = { year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) };
    expect(page.text()).toContain(`南湖街道人大代表联络站`);
    expect(page.text()).toContain(`联络站 · ${thisMonth.year}年${thisMonth.month}月`);
    for (const label of ['进站人次', '接待选民', '收集意见', '办结', 'A类件率', '满意率']) expect(page.text()).toContain(label);
    expect(page.text()).not.toContain('票决项目开工率');

    await page.tap('上月');
    const last = addMonths(today, -1);
    const lastMonth = { year: Number(last.slice(0, 4)), month: Number(last.slice(5, 7)) };
    await page.waitFor(() => page.text().includes(`${lastMonth.year}年${lastMonth.month}月`), 'last month');
    const expected = await callAs(runtime.url, DEMO_RESIDENT, 'casework.figures', { scope: { stationId: 'st-nanhu' }, ...lastMonth });
    const collected = expected.headlines.find((h) => h.key === 'collected')!;
    expect(collected.value).toBeGreaterThan(0);
    expect(page.text()).toContain(`收集意见 ${collected.value}件`);

    wx.navigations.length = 0;
    expect(await wentTo(page, `${collected.value}件`, wx.navigations)).toEqual([
      `/packages/figures/items/index?stationId=st-nanhu&year=${lastMonth.year}&month=${lastMonth.month}&drill=collected`,
    ]);

    const items = await openPage('figureItems', queryOf(wx.navigations[0]!));
    await items.waitFor(() => items.data.status === 'ready', 'the list');
    expect(items.text()).toContain('收集的意见');
    expect(items.text()).toContain('已隐去姓名、电话等个人信息');
    expect((items.data.items as unknown[]).length).toBe(collected.value);
    expect(items.text()).toContain('南湖街道人大代表联络站');
    expect(items.text()).not.toMatch(/1[3-9]\d{9}/);
    expect(items.text()).not.toMatch(/NH01-\d{6}-\d{3}/);
  });

  it('from 找联络站: choosing an area offers its figures, 票决 projects included', async () => {
    const wx = phone();
    const stations = await openPage('stations');
    await stations.waitFor(() => stations.data.status === 'ready', 'the stations');
    expect(stations.text()).not.toContain('本地区公开数据');
    await stations.tap('江南区');
    await stations.waitFor(() => stations.text().includes('本地区公开数据'), 'the area chosen');
    expect(await wentTo(stations, '本地区公开数据', wx.navigations)).toEqual(['/packages/figures/index/index?areaId=area-jiangnan']);

    const page = await openPage('figures', { ...queryOf(wx.navigations[0]!) });
    await page.waitFor(() => page.data.status === 'ready', 'the figures');
    await page.tap('去年');
    const lastYear = Number(shanghaiDate(pageClock().now()).slice(0, 4)) - 1;
    await page.waitFor(() => page.text().includes(`区域 · ${lastYear}年`), 'last year');
    expect(page.text()).toContain('票决项目开工率 100%');
    expect(page.text()).toContain('票决项目竣工率 100%');

    // The projects behind the rate open their own page.
    wx.navigations.length = 0;
    await page.tap('票决项目竣工率');
    await page.waitFor(() => wx.navigations.length > 0, 'navigation');
    const items = await openPage('figureItems', queryOf(wx.navigations[0]!));
    await items.waitFor(() => items.data.status === 'ready', 'the projects');
    expect(items.text()).toContain('老旧小区加装电梯 · 已竣工');
    wx.navigations.length = 0;
    await items.tap('老旧小区加装电梯 · 已竣工');
    await items.waitFor(() => wx.navigations.length > 0, 'navigation');
    expect(wx.navigations[0]).toBe('/packages/project/candidate/index?candidateId=demo-round-jiangnan-c001');
  });

  it('a page opened without a place says so', async () => {
    phone();
    const page = await openPage('figures');
    await page.waitFor(() => page.data.status === 'error', 'the refusal');
    const items = await openPage('figureItems', { stationId: 'st-nanhu', year: '2026', drill: 'nonsense' });
    await items.waitFor(() => items.data.status === 'error', 'the refusal');
    expect(items.text()).toContain('没有这项数据');
  });
});
