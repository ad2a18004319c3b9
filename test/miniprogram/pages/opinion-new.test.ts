/** @jest-environment jsdom */
import { draftKey } from '../../../miniprogram/stores/opinion-drafts';
import { usePageRuntime } from '../support/local-runtime';
import { openPage, type PageDriver } from '../support/page';
import { callAs } from '../support/runtime-calls';
import { installDevice, photoBytes, type DeviceDouble } from '../support/wx-device';
import { installWx, localRuntimeFunctions, WxFail, type FunctionHost, type WxDouble } from '../support/wx-double';

const runtime = usePageRuntime();

const CHEN = { deputyId: 'dp-001', name: '陈建华' };
const DRAFT = draftKey({ kind: 'deputy', id: 'dp-001' });
const TEXT = '小区门口的路灯坏了三个月，晚上老人出门很不安全，希望尽快修好。';

/** Each test is a different resident, so rate limits and "my opinions" never mix. */
let resident = 0;
function phoneOf(functions?: (host: FunctionHost) => FunctionHost): { wx: WxDouble; device: DeviceDouble; openid: string } {
  const openid = `resident-form-${(resident += 1)}`;
  const host = localRuntimeFunctions(runtime.url, openid);
  const wx = installWx({ functions: functions ? functions(host) : host });
  const device = installDevice(wx, { runtimeUrl: runtime.url });
  return { wx, device, openid };
}

async function fillIn(page: PageDriver, text = TEXT): Promise<void> {
  await page.tap('交通出行');
  await page.type('.text-input', text);
}

/** The form to 陈建华 filled in (fillIn) with a photo of a lamp taken and uploaded. */
async function filledInWithPhoto(device: DeviceDouble): Promise<PageDriver> {
  const page = await openPage('opinionNew', CHEN);
  await fillIn(page);
  device.nextPhotos = [{ path: 'wxfile://tmp/lamp.jpg', bytes: photoBytes('lamp') }];
  await page.tap('添加照片');
  await page.waitFor(() => (page.data.photos as Array<{ status: string }>)[0]?.status === 'done', 'the photo to upload');
  return page;
}

describe('留言 form, as the resident sees it', () => {
  it('says how much to write, without a red count before anything is typed', async () => {
    phoneOf();
    const page = await openPage('opinionNew', CHEN);

    expect(page.text()).toContain('请写10到1000字');
    expect(page.text()).not.toContain('已写 0 字');
    expect(page.countClass('count--off')).toBe(0);

    await page.type('.text-input', '路灯坏了');
    expect(page.text()).toContain('已写 4 字（10–1000字）');
    expect(page.countClass('count--off')).toBe(1);
  });

  it('submitting with errors scrolls to the first field that has one', async () => {
    const { wx } = phoneOf();
    const page = await openPage('opinionNew', CHEN);

    await page.tap('提交');

    await page.waitFor(() => wx.scrolls.length > 0, 'the scroll');
    expect(wx.scrolls).toEqual([{ selector: '.field--invalid', scrollTop: undefined }]);
    expect(page.countClass('field--invalid')).toBeGreaterThan(0);
    expect(wx.cloudCalls.filter((call) => call.action === 'opinion.submit')).toEqual([]);
  });
});

describe('留言 form', () => {
  it('says who the opinion goes to, and everything a resident may fill in, in plain words', async () => {
    phoneOf();

    const page = await openPage('opinionNew', CHEN);

    const text = page.text();
    expect(text).toContain('写给代表：陈建华');
    for (const label of ['意见类别', '城乡建设', '其他', '您的意见建议', '请写10到1000字', '照片', '添加照片', '地点', '选择地点', '同意代表联系我', '提交']) {
      expect(text).toContain(label);
    }
    expect(text).toContain('您的姓名和电话只给处理这条意见的代表和人大工作人员看，不会公开。');
  });

  it('shows what is wrong next to each field, in Chinese, and sends nothing', async () => {
    const { wx } = phoneOf();
    const page = await openPage('opinionNew', CHEN);

    await page.type('.text-input', '路灯坏了');
    await page.type('.phone-input', '12345');
    await page.tap('提交');

    await page.waitFor(() => page.text().includes('请至少写10个字'), 'the messages');
    const text = page.text();
    const messages = ['意见类别 城乡建设', '请选择意见类别', '已写 4 字（10–1000字） 请至少写10个字', '手机号码 请填写11位手机号码', '还有内容需要修改，请看上面红字提示'];
    for (const message of messages) expect(text).toContain(message);
    expect(wx.cloudCalls.filter((call) => call.action === 'opinion.submit')).toEqual([]);

    await page.type('.text-input', TEXT);
    await page.tap('交通出行');
    await page.type('.phone-input', '');
    await page.toggle('.consent-switch', true);
    expect(page.text()).not.toContain('请至少写10个字');
    expect(page.text()).not.toContain('请选择意见类别');
    expect(page.text()).toContain('同意联系时请留下手机号码');
  });

  it('keeps what the resident typed, photos included, and gives it back when they come back', async () => {
    const { wx, device } = phoneOf();
    const page = await filledInWithPhoto(device);
    await page.type('.name-input', '王阿姨');

    const again = await openPage('opinionNew', CHEN);

    expect(again.text()).toContain('已为您恢复上次没有提交的内容。');
    expect(again.data).toMatchObject({ category: 'transport', text: TEXT, name: '王阿姨' });
    expect(again.data.photos).toEqual([expect.objectContaining({ src: 'wxfile://tmp/lamp.jpg', status: 'done', fileID: device.uploads[0]?.fileID })]);
    expect(device.uploads[0]?.cloudPath).toMatch(/^opinion-photos\/\d{8}\/[a-z0-9]+\.jpg$/);
    expect(wx.storage.get(DRAFT)).toMatchObject({ text: TEXT, clientRequestId: expect.stringMatching(/^[a-z0-9]{8,64}$/) });
  });

  it('a draft is per deputy or station: another target starts empty', async () => {
    phoneOf();
    const page = await openPage('opinionNew', CHEN);
    await fillIn(page);

    const other = await openPage('opinionNew', { stationId: 'st-nanhu', name: '南湖街道人大代表联络站' });

    expect(other.text()).toContain('写给联络站：南湖街道人大代表联络站');
    expect(other.data).toMatchObject({ category: '', text: '' });
  });

  it('submits, shows the tracking number big and in groups, and clears the draft', async () => {
    const { wx, device, openid } = phoneOf();
    const page = await filledInWithPhoto(device);
    await page.type('.phone-input', '13812345678');
    await page.toggle('.consent-switch', true);

    await page.tap('提交');

    await page.waitFor(() => page.data.submitted !== null, 'the tracking number');
    const [mine] = (await callAs(runtime.url, openid, 'opinion.listMine', {})).items;
    const trackingNo = mine?.trackingNo ?? '';
    expect(trackingNo).toMatch(/^LJ01-\d{6}-\d{3}$/);
    expect(page.text()).toContain(`提交成功 您的受理编号是： ${trackingNo.split('-').join(' ')}`);
    expect(page.text()).toContain('查看我的意见');
    expect(wx.storage.has(DRAFT)).toBe(false);
    // The deputy's reply, the case closed, and one word when a 代表建议 the opinion went into is answered.
    expect(device.subscribeRequests).toEqual([['lxq-opinion-replied', 'lxq-case-answered', 'lxq-suggestion-resident']]);
    // Each 允许 is one message in the resident's budget: a fourth tap would make it two.
    expect(await callAs(runtime.url, openid, 'account.grantSubscriptions', { templateIds: ['lxq-opinion-replied'] })).toEqual({ remaining: { 'lxq-opinion-replied': 2 } });
    const detail = await callAs(runtime.url, openid, 'opinion.getMine', { opinionId: mine?.opinionId ?? '' });
    expect(detail).toMatchObject({ category: 'transport', text: TEXT, contact: { phone: '13812345678', mayContact: true } });
    expect(detail.photos).toHaveLength(1);

    await page.tap('查看我的意见');
    await page.waitFor(() => device.redirects.length > 0, 'my opinions');
    expect(device.redirects).toEqual(['/pages/my-opinions/index']);
  });

  it('a retry after the answer was lost on a weak network creates one opinion, not two', async () => {
    // The answer and the client's own retry are both lost: the resident sees it and taps again.
    let answersToLose = 2;
    const { wx, openid } = phoneOf((host) => async (name, event) => {
      const answer = await host(name, event);
      if (event.action === 'opinion.submit' && answersToLose > 0) {
        answersToLose -= 1;
        throw new WxFail('cloud.callFunction:fail Error: errCode: -1 | errMsg: request:fail timeout');
      }
      return answer;
    });
    const page = await openPage('opinionNew', CHEN);
    await fillIn(page);

    await page.tap('提交');
    await page.waitFor(() => page.data.submitting === false && page.data.submitError !== '', 'the network failure');
    expect(page.text()).toContain('网络不太稳定，没有提交成功。您填写的内容已保存在手机上，请稍后再点「提交」');
    expect(wx.storage.get(DRAFT)).toMatchObject({ text: TEXT });

    await page.tap('提交');
    await page.waitFor(() => page.data.submitted !== null, 'the tracking number');

    const submits = wx.cloudCalls.filter((call) => call.action === 'opinion.submit');
    expect(submits).toHaveLength(3);
    expect(new Set(submits.map((call) => (call.payload as { clientRequestId: string }).clientRequestId)).size).toBe(1);
    const { items } = await callAs(runtime.url, openid, 'opinion.listMine', {});
    expect(items).toHaveLength(1);
    expect(page.text()).toContain((items[0]?.trackingNo ?? '?').split('-').join(' '));
  });

  it('a photo that fails to upload can be tried again or removed; the form waits for it', async () => {
    const { device } = phoneOf();
    const page = await openPage('opinionNew', CHEN);
    await fillIn(page);
    device.uploadsFail = true;
    device.nextPhotos = [{ path: 'wxfile://tmp/a.jpg', bytes: photoBytes('a') }];
    await page.tap('添加照片');
    await page.waitFor(() => page.text().includes('上传失败'), 'the failed upload');

    await page.tap('提交');
    await page.waitFor(() => page.text().includes('有照片没有上传成功'), 'the photo message');

    device.uploadsFail = false;
    await page.tap('重试');
    await page.waitFor(() => (page.data.photos as Array<{ status: string }>)[0]?.status === 'done', 'the retried upload');
    expect(page.text()).not.toContain('有照片没有上传成功');

    await page.tap('删除');
    expect(page.data.photos).toEqual([]);
  });
});
