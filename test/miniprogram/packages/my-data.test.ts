/** @jest-environment jsdom */
import type { MyDataExport } from '../../../miniprogram/shared/contract/privacy';
import type { PrivacyAnswer } from '../../../miniprogram/services/wx';
import { createPrivacyPrompt, PRIVACY_SUMMARY } from '../../../miniprogram/components/privacy-popup/model';
import { openPage } from '../support/page';
import { installDialogs } from '../support/wx-dialogs';
import { fixtureFunctions, installWx, ok, refused, type FunctionHost } from '../support/wx-double';

const EXPORT: MyDataExport = {
  data: {
    exportedAt: '2026-11-23T08:00:00.000Z',
    account: { roles: ['resident'], preferences: { fontScale: 'large' } },
    opinions: [
      {
        trackingNo: 'BS01-261120-001',
        createdAt: '2026-11-20T02:00:00.000Z',
        category: 'transport',
        text: '小区门口的公交站台没有遮雨棚。',
        photos: ['cloud://env/opinion-photos/a.jpg'],
        location: null,
        contact: { name: '李阿姨', phone: '13812345678', mayContact: true },
        status: 'received',
      },
    ],
    bookings: [],
    receptionRecords: [],
  },
  file: { fileID: 'cloud://env/privacy-exports/x/my-data.json', url: 'https://example.test/my-data.json', name: '我的数据-2026-11-23.json', expiresAt: '2026-11-23T02:10:00.000Z' },
};

/** The wx capabilities privacy needs, on top of the installed double: recorded for the test. */
function installPrivacyWx() {
  const privacy = {
    listeners: [] as Array<(resolve: (answer: PrivacyAnswer) => void) => void>,
    contractsOpened: 0,
    clipboard: [] as string[],
    cleared: 0,
    relaunched: [] as string[],
  };
  const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
  Object.assign(wx, {
    onNeedPrivacyAuthorization: (listener: (resolve: (answer: PrivacyAnswer) => void) => void) => void privacy.listeners.push(listener),
    openPrivacyContract: (call: { success?: () => void }) => {
      privacy.contractsOpened += 1;
      Promise.resolve().then(() => call.success?.());
    },
    setClipboardData: (call: { data: string; success?: () => void }) => {
      privacy.clipboard.push(call.data);
      Promise.resolve().then(() => call.success?.());
    },
    clearStorageSync: () => void (privacy.cleared += 1),
    reLaunch: (call: { url: string; success?: () => void }) => {
      privacy.relaunched.push(call.url);
      Promise.resolve().then(() => call.success?.());
    },
  });
  return privacy;
}

function setUp(functions: FunctionHost) {
  const wx = installWx({ functions });
  const dialogs = installDialogs();
  const privacy = installPrivacyWx();
  return { wx, dialogs, privacy };
}

describe('隐私保护提示 (the WeChat privacy popup)', () => {
  it('shows the plain summary when WeChat asks, links the full guide, and answers WeChat with the resident’s refusal', async () => {
    const { privacy, wx } = setUp(fixtureFunctions({}));
    const page = await openPage('myData');
    expect(page.text()).not.toContain('个人信息保护提示');

    const answers: PrivacyAnswer[] = [];
    privacy.listeners[privacy.listeners.length - 1]!((answer) => answers.push(answer));
    await page.waitFor(() => page.text().includes('个人信息保护提示'), 'the popup');
    for (const point of PRIVACY_SUMMARY) expect(page.text()).toContain(point);

    await page.tap('查看完整的《连心桥隐私保护指引》');
    await page.waitFor(() => privacy.contractsOpened === 1, 'the full guide');

    await page.tap('不同意');
    await page.waitFor(() => answers.length === 1, 'the answer');
    expect(answers).toEqual([{ event: 'disagree' }]);
    expect(page.text()).not.toContain('个人信息保护提示');
    expect(wx.toasts).toEqual(['未同意隐私保护指引，无法使用此功能']);
  });

  it('agreeing answers WeChat with the agree button’s id, once', () => {
    const states: boolean[] = [];
    const prompt = createPrivacyPrompt((state) => states.push(state.visible));
    const answers: PrivacyAnswer[] = [];
    prompt.ask((answer) => answers.push(answer));
    expect(prompt.agree()).toBe(true);
    expect(prompt.agree()).toBe(false);
    expect(prompt.disagree()).toBe(false);
    expect(answers).toEqual([{ event: 'agree', buttonId: 'privacy-agree' }]);
    expect(states).toEqual([true, false]);
  });
});

describe('我的数据 page', () => {
  it('导出 lists what is stored and copies the file’s download link', async () => {
    const { wx, privacy } = setUp(fixtureFunctions({ 'privacy.exportMyData': ok(EXPORT) }));
    const page = await openPage('myData');

    await page.tap('导出我的数据');

    await page.waitFor(() => page.text().includes('意见 1 条'), 'the summary');
    expect(wx.cloudCalls).toEqual([{ functionName: 'privacy', action: 'privacy.exportMyData', payload: {} }]);
    expect(page.text()).toContain('意见 1 条（含照片 1 张） 预约 0 次 接待记录 0 条 您留下的联系方式：姓名 李阿姨，手机号 13812345678 我的数据-2026-11-23.json');

    await page.tap('复制下载链接');
    await page.waitFor(() => wx.toasts.length > 0, 'the toast');
    expect(privacy.clipboard).toEqual(['https://example.test/my-data.json']);
    expect(wx.toasts).toEqual(['下载链接已复制，10分钟内有效']);
  });

  it('注销 asks first, in plain words; 再想想 deletes nothing', async () => {
    const { wx, dialogs } = setUp(fixtureFunctions({ 'privacy.deleteAccount': ok({ opinions: 1, bookings: 0, receptionRecords: 0, photosDeleted: 1, reviewRatings: 0 }) }));
    dialogs.answers.push(false);
    const page = await openPage('myData');

    await page.tap('注销账号');

    await page.waitFor(() => dialogs.modals.length === 1 && page.data.busy === '', 'the question');
    expect(dialogs.modals[0]).toMatchObject({ title: '确认注销账号？', confirmText: '确认注销', cancelText: '再想想' });
    expect(dialogs.modals[0]?.content).toContain('永久删除，无法恢复');
    expect(wx.cloudCalls).toEqual([]);
  });

  it('confirmed, the account is deleted, the phone forgets its drafts, and the resident can start afresh', async () => {
    const { wx, privacy } = setUp(fixtureFunctions({ 'privacy.deleteAccount': ok({ opinions: 1, bookings: 0, receptionRecords: 0, photosDeleted: 1, reviewRatings: 0 }) }));
    const page = await openPage('myData');

    await page.tap('注销账号');

    await page.waitFor(() => page.text().includes('账号已注销'), 'the confirmation');
    expect(wx.cloudCalls).toEqual([{ functionName: 'privacy', action: 'privacy.deleteAccount', payload: { confirm: true } }]);
    expect(privacy.cleared).toBe(1);
    await page.tap('返回首页');
    await page.waitFor(() => privacy.relaunched.length === 1, 'the home page');
    expect(privacy.relaunched).toEqual(['/pages/home/index']);
  });

  it('a refusal says what to do next', async () => {
    setUp(fixtureFunctions({ 'privacy.deleteAccount': refused('PRIVACY.ACTIVE_BOOKINGS') }));
    const page = await openPage('myData');

    await page.tap('注销账号');

    await page.waitFor(() => page.text().includes('请先取消预约'), 'the message');
    expect(page.text()).toContain('您还有未到期的预约，请先取消预约后再注销');
    expect(page.text()).not.toContain('账号已注销');
  });
});

describe('the way in', () => {
  it('首页 opens 我的数据 (in its own subpackage)', async () => {
    const { wx } = setUp(fixtureFunctions({}));
    const home = await openPage('home');

    await home.tap('我的数据');

    await home.waitFor(() => wx.navigations.length > 0, 'navigation');
    expect(wx.navigations).toEqual(['/packages/resident/my-data/index']);
  });
});
