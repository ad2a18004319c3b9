/** @jest-environment jsdom */
/**
 * 我的消息 as the resident sees it: a reply that found no subscribe-message acceptance waits
 * there, home shows how many are unread, and reading them takes the badge down.
 */
import { DEMO_BINDING_CODE } from '../../../runtime/seed/demoOpinions';
import { usePageRuntime } from '../support/local-runtime';
import { openPage } from '../support/page';
import { callAs } from '../support/runtime-calls';
import { installDevice } from '../support/wx-device';
import { installWx, localRuntimeFunctions } from '../support/wx-double';

const runtime = usePageRuntime();
const DEPUTY = 'messages-deputy';
const RESIDENT = 'messages-resident';
let opinionId = '';

beforeAll(async () => {
  await callAs(runtime.url, DEPUTY, 'account.bindDeputy', { code: DEMO_BINDING_CODE });
  ({ opinionId } = await callAs(runtime.url, RESIDENT, 'opinion.submit', {
    clientRequestId: 'messages-opinion-1',
    target: { deputyId: 'dp-001' },
    category: 'transport',
    text: '小区门口的公交站台没有遮雨棚，下雨天老人候车很不方便。',
  }));
  // The resident said no to WeChat's question: the reply cannot go by subscribe message.
  await callAs(runtime.url, DEPUTY, 'opinion.reply', { opinionId, text: '已联系区交通运输局，遮雨棚下月动工。' });
});

function phoneOf(openid = RESIDENT) {
  const wx = installWx({ functions: localRuntimeFunctions(runtime.url, openid) });
  installDevice(wx);
  return wx;
}

describe('我的消息', () => {
  it('home shows one unread on 我的消息; the list shows the reply, marked 未读, and opens the opinion', async () => {
    const wx = phoneOf();
    const home = await openPage('home');
    await home.waitFor(() => home.data.unreadMessages === 1, 'the unread count');
    expect(home.text()).toContain('我的消息 1 ');

    await home.tap('我的消息1');
    await home.waitFor(() => wx.navigations.length > 0, 'the messages page');
    expect(wx.navigations).toEqual(['/pages/messages/index']);

    const list = await openPage('messages');
    await list.waitFor(() => list.data.status === 'ready', 'the messages');
    expect(list.text()).toMatch(/^陈建华代表回复了您的意见 未读 LJ01-\d{6}-\d{3}：已联系区交通运输局，遮雨棚下月动工。 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);
    await list.tap('陈建华代表回复了您的意见');
    await list.waitFor(() => wx.navigations.length > 1, 'the opinion');
    expect(wx.navigations[1]).toBe(`/pages/opinion/index?opinionId=${opinionId}`);

    // The list marks what it showed read in the background; the resident goes back once that landed.
    for (let tries = 0; (await callAs(runtime.url, RESIDENT, 'account.countUnread', {})).unread > 0; tries += 1) {
      if (tries > 100) throw new Error('the messages shown were never marked read');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await home.lifecycle('onShow');
    await home.waitFor(() => home.data.unreadMessages === 0, 'the badge down');
    expect(home.text()).not.toContain('我的消息 1 ');
  });

  it('a resident with no news reads why the list is empty', async () => {
    phoneOf('messages-nobody');
    const list = await openPage('messages');
    await list.waitFor(() => list.data.status === 'empty', 'the empty list');
    expect(list.text()).toContain('暂时没有消息');
  });
});
