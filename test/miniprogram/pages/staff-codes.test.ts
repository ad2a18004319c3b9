/** @jest-environment jsdom */
import { usePageRuntime } from '../support/local-runtime';
import { openPage, type PageDriver } from '../support/page';
import { callAs, CITY_STAFF } from '../support/runtime-calls';
import { installDevice } from '../support/wx-device';
import { installWx, localRuntimeFunctions } from '../support/wx-double';
import { BEISHAN_STAFF } from '../../support/people';

const runtime = usePageRuntime();

function phoneOf(openid: string) {
  const wx = installWx({ functions: localRuntimeFunctions(runtime.url, openid) });
  return { wx, device: installDevice(wx) };
}

async function chooseDeputy(page: PageDriver, name: string): Promise<void> {
  await page.type('.search__input', name);
  await page.tap('搜索');
  await page.waitFor(() => (page.data.deputies as unknown[]).length > 0, 'the search');
  await page.tap(name);
}

describe('工作人员: binding codes and QR codes', () => {
  it('issues a binding code for a deputy, big, with when it expires; the deputy can bind with it', async () => {
    phoneOf(CITY_STAFF);
    const page = await openPage('staffCodes');
    await chooseDeputy(page, '林秀英');

    await page.tap('生成绑定码');

    await page.waitFor(() => page.data.issued !== null, 'the code');
    const { groups } = page.data.issued as { groups: string[] };
    expect(groups.map((group) => group.length)).toEqual([4, 4]);
    expect(page.text()).toMatch(new RegExp(`林秀英的绑定码 ${groups[0]} ${groups[1]} \\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}前有效，只能使用一次`));
    const profile = await callAs(runtime.url, 'wx-lin-xiuying', 'account.bindDeputy', { code: groups.join('') });
    expect(profile.deputy).toEqual({ deputyId: 'dp-002', name: '林秀英' });
  });

  it("makes a station's QR code, shows it, and saves it to the album", async () => {
    const { device } = phoneOf(CITY_STAFF);
    const page = await openPage('staffCodes');
    await page.tap('联络站');
    await page.waitFor(() => (page.data.stations as unknown[]).length > 0, 'the stations');
    await page.tap('南湖街道人大代表联络站');

    await page.tap('生成二维码');

    await page.waitFor(() => page.data.qrUrl !== '', 'the QR code');
    expect(page.data.qrUrl).toMatch(new RegExp(`^${runtime.url}/storage/qrcodes/station-NH01\\.png\\?sign=[0-9a-f]+&t=\\d+$`));
    expect(page.text()).toContain('扫码即可打开南湖街道人大代表联络站的页面，可打印张贴。');
    await page.tap('查看大图');
    expect(device.previews).toEqual([{ urls: [page.data.qrUrl], current: page.data.qrUrl }]);
    await page.tap('保存到相册');
    await page.waitFor(() => device.savedToAlbum.length > 0, 'the album');
  });

  it('explains how else to save when the album is not allowed', async () => {
    const { device } = phoneOf(CITY_STAFF);
    device.albumAllowed = false;
    const page = await openPage('staffCodes');
    await chooseDeputy(page, '陈建华');
    await page.tap('生成二维码');
    await page.waitFor(() => page.data.qrUrl !== '', 'the QR code');

    await page.tap('保存到相册');

    await page.waitFor(() => page.data.actionError !== '', 'the explanation');
    expect(page.text()).toContain('没有保存到相册的权限。可以点「查看大图」后长按图片保存');
  });

  it("refuses, in words, what is outside the staff member's scope", async () => {
    phoneOf(BEISHAN_STAFF);
    const page = await openPage('staffCodes');
    await chooseDeputy(page, '林秀英');

    await page.tap('生成绑定码');

    await page.waitFor(() => page.data.actionError !== '', 'the refusal');
    expect(page.text()).toContain('不在您负责的范围内，请联系上级人大工作人员办理');
    expect(page.data.issued).toBeNull();
  });
});
