/** @jest-environment jsdom */
import { figures2025, STATION_DETAIL } from '../support/directory-fixtures';
import { openPage } from '../support/page';
import { fixtureFunctions, installWx, ok, refused } from '../support/wx-double';

const open = async () => {
  const wx = installWx({ functions: fixtureFunctions({ 'directory.getStation': ok(STATION_DETAIL) }) });
  const page = await openPage('station', { stationId: 'st-heping' });
  return { wx, page };
};

describe('联络站详情 page', () => {
  it('shows where the station is, when it is open and how to call it', async () => {
    const { wx, page } = await open();

    expect(wx.cloudCalls[0]).toMatchObject({ action: 'directory.getStation', payload: { stationId: 'st-heping' } });
    const text = page.text();
    expect(text).toContain('和平社区人大代表联络站');
    // What a tap does is said in words beside the title, not left to the arrow (and no note squeezes the address at 特大).
    expect(text).toContain('地址 · 看地图 江北区和平路88号一楼');
    expect(text).toContain('开放时间 工作日 09:00–12:00，14:00–17:30');
    expect(text).toContain('电话 · 拨打 027-80000001');
    expect(text).toContain('接待安排 每月15日代表接待选民日');
  });

  it("shows the station's 亮分 and its stars in plain words, from the same call", async () => {
    const dutyFigures = figures2025(['2025年开放接待日10天，接待群众30人次，收到群众意见12条。', '已答复或受理的意见占92%。'], { stars: 4, met: [], rubric: [] });
    const wx = installWx({ functions: fixtureFunctions({ 'directory.getStation': ok({ ...STATION_DETAIL, dutyFigures }) }) });
    const page = await openPage('station', { stationId: 'st-heping' });
    expect(wx.cloudCalls).toHaveLength(1);
    expect(page.text()).toContain('2025年履职情况 2025年开放接待日10天，接待群众30人次，收到群众意见12条。 已答复或受理的意见占92%。 星级联络站：4星（满5星） 数据统计至11月18日');
  });

  it('lists the next reception days in Chinese, with their hours', async () => {
    const { page } = await open();

    expect(page.text()).toContain('近期接待日 11月15日 周六 09:00–11:30、14:30–17:00');
  });

  it('lists the deputies who receive there, and opens one on a tap', async () => {
    const { wx, page } = await open();
    expect(page.text()).toContain('在这里接待的代表 陈 陈建华 全国人大代表 张 张丽 市人大代表');

    await page.tap('张丽');

    await page.waitFor(() => wx.navigations.length > 0, 'navigation');
    expect(wx.navigations).toEqual(['/pages/deputy/index?deputyId=dp-zhang']);
  });

  it('opens the opinion form for this station on 留言', async () => {
    const { wx, page } = await open();

    await page.tap('留言');

    await page.waitFor(() => wx.navigations.length > 0, 'navigation');
    expect(wx.navigations).toEqual([`/pages/opinion-new/index?stationId=st-heping&name=${encodeURIComponent('和平社区人大代表联络站')}`]);
  });

  it('opens the map at the station when the address is tapped', async () => {
    const { wx, page } = await open();

    await page.tap('江北区和平路88号一楼');

    await page.waitFor(() => wx.openedLocations.length > 0, 'the map');
    expect(wx.openedLocations).toEqual([{ latitude: 30.5928, longitude: 114.3055, name: '和平社区人大代表联络站', address: '江北区和平路88号一楼', scale: 16 }]);
  });

  it('offers to call the station when the phone number is tapped', async () => {
    const { wx, page } = await open();

    await page.tap('027-80000001');

    await page.waitFor(() => wx.phoneCalls.length > 0, 'the call sheet');
    expect(wx.phoneCalls).toEqual(['027-80000001']);
  });

  it('says when there is no reception day coming up', async () => {
    installWx({ functions: fixtureFunctions({ 'directory.getStation': ok({ ...STATION_DETAIL, upcomingDays: [] }) }) });

    const page = await openPage('station', { stationId: 'st-heping' });

    expect(page.text()).toContain('近期接待日 近期暂无接待安排，请留意联络站通知');
  });

  it('shows the Chinese message and 重试 when the station cannot be found', async () => {
    installWx({ functions: fixtureFunctions({ 'directory.getStation': refused('COMMON.NOT_FOUND') }) });

    const page = await openPage('station', { stationId: 'st-gone' });

    expect(page.text()).toBe('没有找到相关内容，可能已被删除 重试');
  });
});
