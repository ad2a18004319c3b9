/** @jest-environment jsdom */
import { DEPUTY_DETAIL, figures2025 } from '../support/directory-fixtures';
import { openPage } from '../support/page';
import { fixtureFunctions, installWx, networkDown, ok, refused } from '../support/wx-double';

describe('代表详情 page', () => {
  it('shows who the deputy is, where they receive residents and when', async () => {
    const wx = installWx({ functions: fixtureFunctions({ 'directory.getDeputy': ok(DEPUTY_DETAIL) }) });

    const page = await openPage('deputy', { deputyId: 'dp-wang' });

    expect(wx.cloudCalls).toEqual([{ functionName: 'directory', action: 'directory.getDeputy', payload: { deputyId: 'dp-wang' } }]);
    const text = page.text();
    for (const seen of ['王志强', '省人大代表', '临江市选举产生', '临江港务集团技术员', '长期关注社区民生。']) expect(text).toContain(seen);
    expect(text).toContain('所在联络站 和平社区人大代表联络站 江北区和平路88号一楼 湖滨社区人大代表联络站 江南区湖滨路16号二楼');
    expect(text).toContain('近期接待日 11月15日 周六 09:00–11:30 和平社区人大代表联络站 12月15日 周一 14:30–17:00 湖滨社区人大代表联络站');
  });

  it("shows this year's 亮分 in plain words from the same call, and a ranking only when one was published", async () => {
    const dutyFigures = figures2025(['2025年进站接待10天，接待群众21人次。', '收到群众意见8条，答复或转交8条，一般2天内答复。']);
    const wx = installWx({ functions: fixtureFunctions({ 'directory.getDeputy': ok({ ...DEPUTY_DETAIL, dutyFigures }) }) });
    const page = await openPage('deputy', { deputyId: 'dp-wang' });
    expect(wx.cloudCalls).toHaveLength(1);
    expect(page.text()).toContain('2025年履职情况 2025年进站接待10天，接待群众21人次。 收到群众意见8条，答复或转交8条，一般2天内答复。 数据统计至11月18日');
    expect(page.text()).not.toContain('排第');

    installWx({
      functions: fixtureFunctions({
        'directory.getDeputy': ok({ ...DEPUTY_DETAIL, dutyFigures: { ...dutyFigures, ranking: { rank: 2, of: 4, within: '和平社区人大代表联络站' } } }),
      }),
    });
    const ranked = await openPage('deputy', { deputyId: 'dp-wang' });
    expect(ranked.text()).toContain('在和平社区人大代表联络站的4位代表中，履职积分排第2位');
  });

  it('says nothing about figures before any were published', async () => {
    installWx({ functions: fixtureFunctions({ 'directory.getDeputy': ok(DEPUTY_DETAIL) }) });
    const page = await openPage('deputy', { deputyId: 'dp-wang' });
    expect(page.text()).not.toContain('履职情况');
  });

  it('opens a station when the resident taps it', async () => {
    const wx = installWx({ functions: fixtureFunctions({ 'directory.getDeputy': ok(DEPUTY_DETAIL) }) });
    const page = await openPage('deputy', { deputyId: 'dp-wang' });

    await page.tap('湖滨社区人大代表联络站');

    await page.waitFor(() => wx.navigations.length > 0, 'navigation');
    expect(wx.navigations).toEqual(['/pages/station/index?stationId=st-hubin']);
  });

  it('opens the opinion form for this deputy on 留言', async () => {
    const wx = installWx({ functions: fixtureFunctions({ 'directory.getDeputy': ok(DEPUTY_DETAIL) }) });
    const page = await openPage('deputy', { deputyId: 'dp-wang' });

    await page.tap('留言');

    await page.waitFor(() => wx.navigations.length > 0, 'navigation');
    expect(wx.navigations).toEqual([`/pages/opinion-new/index?deputyId=dp-wang&name=${encodeURIComponent('王志强')}`]);
  });

  it('shows the Chinese message and 重试 when the deputy cannot be found', async () => {
    installWx({ functions: fixtureFunctions({ 'directory.getDeputy': refused('COMMON.NOT_FOUND') }) });

    const page = await openPage('deputy', { deputyId: 'dp-gone' });

    expect(page.text()).toBe('没有找到相关内容，可能已被删除 重试');
  });

  it('loads again on 重试 once the network is back', async () => {
    let online = false;
    const wx = installWx({
      functions: fixtureFunctions({ 'directory.getDeputy': () => (online ? ok(DEPUTY_DETAIL) : networkDown()) }),
    });
    const page = await openPage('deputy', { deputyId: 'dp-wang' });
    expect(page.text()).toBe('网络不太稳定，请检查网络后重试 重试');
    expect(wx.cloudCalls).toHaveLength(2);

    online = true;
    await page.tap('重试');

    await page.waitFor(() => page.data.status === 'ready', 'the deputy to load');
    expect(page.text()).toContain('王志强');
    expect(page.text()).not.toContain('重试');
  });
});

describe('代表详情 page while loading', () => {
  it('shows a skeleton, not half a page', async () => {
    installWx({ functions: () => new Promise(() => undefined) });

    const page = await openPage('deputy', { deputyId: 'dp-wang' }, { whileLoading: true });

    expect(page.data.status).toBe('loading');
    expect(page.countClass('t-skeleton__row')).toBeGreaterThan(0);
    expect(page.text()).toBe('');
  });
});
