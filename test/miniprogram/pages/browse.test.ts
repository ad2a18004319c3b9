/** @jest-environment jsdom */
import { usePageRuntime } from '../support/local-runtime';
import { openPage, wentTo } from '../support/page';
import { callAs, CITY_STAFF, DEMO_RESIDENT } from '../support/runtime-calls';
import { installDevice } from '../support/wx-device';
import { installWx, localRuntimeFunctions } from '../support/wx-double';

const runtime = usePageRuntime();

function phoneOf(openid = DEMO_RESIDENT) {
  const wx = installWx({ functions: localRuntimeFunctions(runtime.url, openid) });
  return { wx, device: installDevice(wx) };
}

describe('找代表: by name and near me', () => {
  it('finds a deputy by part of their name, with where they receive residents', async () => {
    const { wx } = phoneOf();
    const page = await openPage('stations');

    await page.type('.search__input', '建华');
    await page.tap('搜索');

    await page.waitFor(() => page.data.searchStatus === 'ready', 'the search');
    expect(page.text()).toContain('陈建华 全国人大代表 · 临江街道人大代表联络站');
    expect(await wentTo(page, '陈建华', wx.navigations, 'the deputy page')).toEqual(['/pages/deputy/index?deputyId=dp-001']);
  });

  it('says so when nobody has that name, and the station list stays', async () => {
    phoneOf();
    const page = await openPage('stations');

    await page.type('.search__input', '欧阳');
    await page.tap('搜索');

    await page.waitFor(() => page.data.searchStatus === 'empty', 'the search');
    expect(page.text()).toContain('没有找到姓名里有「欧阳」的代表，请检查后再试，或在下面的联络站里查找');
    expect(page.text()).toContain('临江街道人大代表联络站');
  });

  it('lists the stations nearest the phone first, with distances', async () => {
    const { device } = phoneOf();
    device.location = { latitude: 30.4523, longitude: 114.3719 };
    const page = await openPage('stations');

    await page.tap('离我最近');

    await page.waitFor(() => page.data.nearby === true && page.data.status === 'ready', 'the nearest stations');
    const names = (page.data.view as Array<{ name: string; distanceLabel: string }>).map((s) => [s.name, s.distanceLabel]);
    expect(names[0]).toEqual(['青石镇人大代表联络站', '约 10 米']);
    expect(names[1]?.[0]).toBe('南湖街道人大代表联络站');
  });

  it('explains a refused location plainly and keeps the list', async () => {
    const { device } = phoneOf();
    device.location = 'denied';
    const page = await openPage('stations');

    await page.tap('离我最近');

    await page.waitFor(() => page.data.locationNote !== '', 'the explanation');
    expect(page.text()).toContain('您没有允许使用位置，所以无法按距离排列。');
    expect(page.text()).toContain('临江街道人大代表联络站');
    expect(page.data.status).toBe('ready');
  });
});

describe('首页 entries by who you are', () => {
  it('a resident sees 我的意见 and an unobtrusive 我是代表 and 我是工作人员', async () => {
    const { wx } = phoneOf('resident-home');
    const page = await openPage('home');

    await page.waitFor(() => wx.cloudCalls.some((call) => call.action === 'account.getProfile'), 'the profile');
    expect(page.text()).toContain('找代表/联络站 扫一扫 我的意见');
    expect(page.text()).not.toContain('代表工作台');
    expect(page.text()).not.toContain('意见办理');
    expect(page.text()).toContain('特大 我是代表 我是工作人员');
    expect(await wentTo(page, '我的意见', wx.navigations, 'my opinions')).toEqual(['/pages/my-opinions/index']);
  });

  it('a bound deputy sees 代表工作台, and no longer 我是代表', async () => {
    const { code } = await callAs(runtime.url, CITY_STAFF, 'admin.issueBindingCode', { deputyId: 'dp-002' });
    await callAs(runtime.url, 'wx-lin', 'account.bindDeputy', { code });
    const { wx } = phoneOf('wx-lin');
    const page = await openPage('home');

    await page.waitFor(() => page.text().includes('代表工作台'), 'the deputy entry');
    expect(page.text()).not.toContain('我是代表');
    expect(await wentTo(page, '代表工作台', wx.navigations, 'the inbox')).toEqual(['/packages/deputy/inbox/index']);
  });

  it('staff see 意见办理 and 工作人员, and no longer 我是工作人员', async () => {
    const { wx } = phoneOf(CITY_STAFF);
    const page = await openPage('home');

    await page.waitFor(() => page.text().includes('意见办理'), 'the staff entry');
    expect(page.text()).not.toContain('我是工作人员');
    expect(await wentTo(page, '工作人员', wx.navigations, 'the staff page')).toEqual(['/packages/staff/codes/index']);
  });

  it('扫一扫 sends one of our printed codes through the same scan page', async () => {
    const { wx } = phoneOf();
    wx.nextScan = { path: 'pages/scan/index?scene=d%3DD001', result: '' };
    const page = await openPage('home');

    expect(await wentTo(page, '扫一扫', wx.navigations, 'the scan page')).toEqual(['/pages/scan/index?scene=d%3DD001']);
  });
});

describe('我的意见', () => {
  it('lists the resident’s own opinions newest first with their status, and opens one', async () => {
    const { wx } = phoneOf(DEMO_RESIDENT);
    const page = await openPage('myOpinions');

    const items = page.data.items as Array<{ id: string; statusLabel: string; targetLabel: string }>;
    expect(items.map((item) => [item.id, item.statusLabel])).toEqual([
      ['op-demo-001', '已提交'],
      ['op-demo-003', '代表已回复'],
    ]);
    expect(page.text()).toContain('医疗卫生 已提交 和平社区卫生服务站周末不开门');
    expect(page.text()).toContain('没有更多了');
    expect(await wentTo(page, '社区老年食堂的菜价能不能公示一下？希望每周的菜单也能贴在门口，方便老人提前安排。', wx.navigations, 'the opinion')).toEqual([
      '/pages/opinion/index?opinionId=op-demo-003',
    ]);

    const detail = await openPage('opinion', { opinionId: 'op-demo-003' });
    // The reply first, then the question about it.
    expect(detail.text()).toContain('养老服务 代表已回复 办理进度 代表已回复');
    expect(detail.text()).toMatch(/感谢您的建议。[^]*请评价办理结果 请在2026年11月22日前评价 满意 基本满意 不满意 提交评价/);
    expect(detail.text()).toContain('您好，已与社区沟通，下周起老年食堂每周一在门口公示菜单和价格，感谢您的建议。');
  });

  it("another resident's opinion reads as not found", async () => {
    phoneOf('resident-nosy');
    const page = await openPage('opinion', { opinionId: 'op-demo-001' });
    expect(page.text()).toBe('没有找到这条意见，请返回列表刷新后再试 重试');
  });

  it('says there is nothing yet, with the way to leave one', async () => {
    phoneOf('resident-new');
    const page = await openPage('myOpinions');
    expect(page.text()).toBe('您还没有提过意见 找代表留言');
  });
});
