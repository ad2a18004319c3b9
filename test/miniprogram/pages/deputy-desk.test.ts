/** @jest-environment jsdom */
import { usePageRuntime } from '../support/local-runtime';
import { openPage, wentTo } from '../support/page';
import { DEMO_BINDING_CODE } from '../../../runtime/seed/demoOpinions';
import { callAs, CITY_STAFF, DEMO_RESIDENT, outbox } from '../support/runtime-calls';
import { installDevice, type DeviceDouble } from '../support/wx-device';
import { installWx, localRuntimeFunctions, type WxDouble } from '../support/wx-double';

const runtime = usePageRuntime();

const LAMP = '小区门口的路灯坏了三个月，晚上老人出门很不安全，希望尽快修好。';
/** The seeded demo opinion the demo resident left for 陈建华 three days ago. */
const CLINIC = '和平社区卫生服务站周末不开门，老人周末头疼发热只能跑到市里大医院，希望能安排周末半天门诊。';
const REPLY = '您好，已和卫生服务中心商量，下月起周六上午开诊。';

function phoneOf(openid: string): { wx: WxDouble; device: DeviceDouble } {
  const wx = installWx({ functions: localRuntimeFunctions(runtime.url, openid) });
  return { wx, device: installDevice(wx) };
}

async function leaveOpinion(openid: string, deputyId: string, text = LAMP, contact?: { phone: string; mayContact: boolean }) {
  return callAs(runtime.url, openid, 'opinion.submit', {
    clientRequestId: `req-${openid}-${Math.random().toString(36).slice(2, 10)}`,
    target: { deputyId },
    category: 'urbanConstruction',
    text,
    ...(contact ? { contact } : {}),
  });
}

describe('代表绑定', () => {
  it('binds this WeChat to the deputy a staff-issued code names', async () => {
    const { code } = await callAs(runtime.url, CITY_STAFF, 'admin.issueBindingCode', { deputyId: 'dp-004' });
    const { device } = phoneOf('wx-zhang-li');
    const page = await openPage('deputyBind');

    await page.type('.code-input', `${code.slice(0, 4).toLowerCase()} ${code.slice(4)}`);
    await page.tap('绑定');

    await page.waitFor(() => page.text().includes('绑定成功'), 'the binding');
    expect(page.text()).toContain('您好，张丽代表。');
    expect(await wentTo(page, '进入代表工作台', device.redirects, 'the inbox')).toEqual(['/packages/deputy/inbox/index']);
  });

  it('says plainly when a code has been used, and what to do', async () => {
    const { code } = await callAs(runtime.url, CITY_STAFF, 'admin.issueBindingCode', { deputyId: 'dp-008' });
    await callAs(runtime.url, 'wx-zhou-first', 'account.bindDeputy', { code });
    phoneOf('wx-someone-else');
    const page = await openPage('deputyBind');

    await page.type('.code-input', code);
    await page.tap('绑定');

    await page.waitFor(() => page.text().includes('该绑定码已被使用'), 'the refusal');
    expect(page.text()).toContain('绑定码 字母不分大小写，空格可以不输 该绑定码已被使用，请联系人大工作人员重新获取');
  });

  it('checks the code has 8 letters and digits before asking', async () => {
    const { wx } = phoneOf('wx-typo');
    const page = await openPage('deputyBind');

    await page.type('.code-input', 'ABC');
    await page.tap('绑定');

    expect(page.text()).toContain('绑定码是8位字母和数字，请核对后重新输入');
    expect(wx.cloudCalls).toEqual([]);
  });
});

describe('代表工作台', () => {
  it('a deputy binds with their code, replies from the inbox, and the resident sees the reply in their timeline', async () => {
    const { opinionId: newest } = await leaveOpinion('resident-b', 'dp-001');
    const { wx } = phoneOf('wx-chen');
    const bind = await openPage('deputyBind');
    await bind.type('.code-input', DEMO_BINDING_CODE);
    await bind.tap('绑定');
    await bind.waitFor(() => bind.text().includes('绑定成功'), 'the binding');
    expect(bind.text()).toContain('您好，陈建华代表。');

    const inbox = await openPage('deputyInbox');

    // Each tab says how many it holds, counted with the first page.
    expect(inbox.text()).toContain('待处理 3 已回复 1 已转交 0 已交办 0');
    const cards = inbox.data.items as Array<{ id: string; waitedLabel: string; overdue: boolean; addressedLabel: string }>;
    expect(cards.map((card) => card.id)).toEqual(['op-demo-001', 'op-demo-002', newest]);
    expect(cards.map(({ waitedLabel, overdue, addressedLabel }) => ({ waitedLabel, overdue, addressedLabel }))).toEqual([
      { waitedLabel: '已等待 3天', overdue: true, addressedLabel: '写给您' },
      { waitedLabel: '已等待 1天', overdue: false, addressedLabel: '写给联络站：临江街道人大代表联络站' },
      { waitedLabel: '已等待 不到1小时', overdue: false, addressedLabel: '写给您' },
    ]);
    expect(inbox.text()).toContain(`城乡建设 已等待 不到1小时 ${LAMP} 写给您 已提交`);

    expect(await wentTo(inbox, CLINIC, wx.navigations, 'the opinion')).toEqual(['/packages/deputy/opinion/index?opinionId=op-demo-001']);

    const opinion = await openPage('deputyOpinion', { opinionId: 'op-demo-001' });
    expect(opinion.text()).toContain(CLINIC);
    expect(opinion.text()).toContain('联系电话 李阿姨 13812345678 拨打');
    expect(opinion.text()).toContain('居民同意您打电话联系');
    expect(await wentTo(opinion, '拨打', wx.phoneCalls, 'the call')).toEqual(['13812345678']);

    await opinion.tap('您好，您的意见我已收到，我会尽快了解情况，并向有关部门反映。');
    expect(opinion.data.reply).toBe('您好，您的意见我已收到，我会尽快了解情况，并向有关部门反映。');
    await opinion.type('.reply-input', REPLY);
    // The resident allowed one reply message when submitting (services/subscriptions.ts).
    await callAs(runtime.url, DEMO_RESIDENT, 'account.grantSubscriptions', { templateIds: ['lxq-opinion-replied'] });
    await opinion.tap('发送回复');

    await opinion.waitFor(() => wx.toasts.includes('回复已发送'), 'the reply');
    await opinion.waitFor(() => (opinion.data.view as { statusLabel?: string } | null)?.statusLabel === '代表已回复', 'the new status');
    expect(opinion.text()).not.toContain('发送回复');
    expect(opinion.text()).toContain(REPLY);
    // The deputy reads the timeline about the resident, not the resident's own wording.
    expect(opinion.text()).toContain('代表已阅读居民的意见');
    expect(opinion.text()).not.toContain('代表已阅读您的意见');

    const notices = await outbox(runtime.url);
    expect(notices.at(-1)).toMatchObject({
      apiName: 'subscribeMessage.send',
      request: { touser: DEMO_RESIDENT, page: 'pages/opinion/index?opinionId=op-demo-001' },
    });

    await inbox.lifecycle('onShow');
    await inbox.waitFor(() => (inbox.data.items as unknown[]).length === 2, 'the inbox to refresh');
    // The answered opinion moved from one tab's count to the other's.
    expect(inbox.text()).toContain('待处理 2 已回复 2 已转交 0 已交办 0');
    await inbox.tap('已回复');
    await inbox.waitFor(() => inbox.data.status === 'ready' && inbox.data.filter === 'replied', 'the replied tab');
    expect((inbox.data.items as Array<{ id: string }>).map((item) => item.id)).toContain('op-demo-001');

    phoneOf(DEMO_RESIDENT);
    const mine = await openPage('opinion', { opinionId: 'op-demo-001' });
    const text = mine.text();
    // The rating question comes after the reply it asks about.
    expect(text).toContain('医疗卫生 代表已回复 办理进度 代表已回复');
    expect(text.indexOf('请评价办理结果')).toBeGreaterThan(text.indexOf('意见已提交，等待代表查看'));
    expect(text).toContain(REPLY);
    expect(text.indexOf(REPLY)).toBeLessThan(text.indexOf('代表已阅读您的意见'));
    expect(text.indexOf('代表已阅读您的意见')).toBeLessThan(text.indexOf('意见已提交，等待代表查看'));
  });

  it("shows the resident's phone masked when they did not agree to be called", async () => {
    const { code } = await callAs(runtime.url, CITY_STAFF, 'admin.issueBindingCode', { deputyId: 'dp-005' });
    await callAs(runtime.url, 'wx-liu', 'account.bindDeputy', { code });
    const { opinionId } = await leaveOpinion('resident-c', 'dp-005', LAMP, { phone: '13912345678', mayContact: false });
    phoneOf('wx-liu');

    const page = await openPage('deputyOpinion', { opinionId });

    expect(page.text()).toContain('联系电话 139****5678');
    expect(page.text()).not.toContain('13912345678');
    expect(page.text()).toContain('居民没有同意电话联系，号码已隐藏，请在这里回复');
  });

  it('forwards to the congress staff with a note', async () => {
    const { code } = await callAs(runtime.url, CITY_STAFF, 'admin.issueBindingCode', { deputyId: 'dp-009' });
    await callAs(runtime.url, 'wx-wu', 'account.bindDeputy', { code });
    const { opinionId } = await leaveOpinion('resident-d', 'dp-009');
    const { wx } = phoneOf('wx-wu');
    const page = await openPage('deputyOpinion', { opinionId });

    await page.tap('转交人大工作人员（需交办）');
    await page.tap('确认转交');
    expect(page.text()).toContain('请写明需要交办的事项（至少2个字）');
    await page.type('.forward-input', '请督促街道尽快维修路灯');
    await page.tap('确认转交');

    await page.waitFor(() => wx.toasts.includes('已转交人大工作人员'), 'the forward');
    await page.waitFor(() => (page.data.view as { statusLabel?: string } | null)?.statusLabel === '已转交办理', 'the new status');
  });

  it('someone who is not a deputy is sent to binding, not shown an error', async () => {
    const { device } = phoneOf('wx-not-a-deputy');

    const page = await openPage('deputyInbox');

    expect(page.text()).toBe('还没有绑定代表身份 请用人大工作人员给您的绑定码完成绑定，之后就能在这里查看和回复居民的意见。 去绑定');
    expect(await wentTo(page, '去绑定', device.redirects, 'the bind page')).toEqual(['/packages/deputy/bind/index']);
  });
});
