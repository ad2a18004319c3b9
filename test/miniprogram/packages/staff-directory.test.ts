/** @jest-environment jsdom */
/**
 * 联络站与代表: staff create and edit stations and deputies in their scope. Real pages of the
 * staff subpackage against the real local runtime; what was saved is read back through the
 * directory, as residents would see it.
 */
import { usePageRuntime } from '../support/local-runtime';
import { openPage, type PageDriver } from '../support/page';
import { callAs, CITY_STAFF } from '../support/runtime-calls';
import { installDevice, type DeviceDouble } from '../support/wx-device';
import { installWx, localRuntimeFunctions, type WxDouble } from '../support/wx-double';
import { BEISHAN_STAFF } from '../../support/people';

const PLACE = { latitude: 30.61234, longitude: 114.28765, name: '北山镇文化站', address: '临江市江北区北山镇文化路8号' };

const runtime = usePageRuntime();

function staffPhone(openid: string): { wx: WxDouble; device: DeviceDouble } {
  const wx = installWx({ functions: localRuntimeFunctions(runtime.url, openid) });
  return { wx, device: installDevice(wx, { runtimeUrl: runtime.url }) };
}

/** Fills a new station's form; the map picker answers with PLACE. */
async function fillStation(page: PageDriver, device: DeviceDouble, station: { code: string; name: string; area: string }): Promise<void> {
  await page.type('.code-input', station.code);
  await page.type('.name-input', station.name);
  await page.tap(station.area);
  device.nextPlace = PLACE;
  await page.tap('在地图上选择位置');
  await page.waitFor(() => page.data.locationLabel !== '', 'the chosen place');
  await page.type('.hours-input', '工作日 09:00–17:00');
  await page.type('.phone-input', '027-8888 1234');
  await page.type('.note-input', '每月10日 09:00–11:30');
}

async function save(page: PageDriver): Promise<void> {
  await page.tap('保存');
  await page.waitFor(() => page.data.saving === false && (page.data.saved !== '' || page.data.saveError !== ''), 'the save');
}

describe('联络站与代表', () => {
  it('lets a city administrator add a station and a deputy at it, then edit the deputy', async () => {
    const { wx, device } = staffPhone(CITY_STAFF);
    const directory = await openPage('staffDirectory');
    expect(directory.text()).toContain('南湖街道人大代表联络站');
    await directory.tap('新增联络站');
    expect(wx.navigations).toContain('/packages/staff/station-edit/index');

    const stationPage = await openPage('staffStationEdit');
    expect(stationPage.text()).toContain('新增联络站');
    await save(stationPage);
    expect(stationPage.text()).toContain('请按红字提示修改后再保存');
    expect(stationPage.text()).toContain('编号为2–8位大写字母或数字，如 LJ01');
    expect(stationPage.text()).toContain('请点「在地图上选择位置」选定联络站的位置');

    await fillStation(stationPage, device, { code: 'bs02', name: '北山镇文化站代表联络点', area: '北山镇' });
    expect(stationPage.data.form).toMatchObject({ address: PLACE.address, areaId: 'area-beishan' });
    await save(stationPage);

    expect(stationPage.data.saveError).toBe('');
    expect(stationPage.text()).toContain('联络站已新增，可以继续为它添加代表');
    const stationId = stationPage.data.stationId as string;
    const { station } = await callAs(runtime.url, CITY_STAFF, 'directory.getStation', { stationId });
    expect(station).toMatchObject({
      code: 'BS02',
      name: '北山镇文化站代表联络点',
      areaId: 'area-beishan',
      address: PLACE.address,
      location: { latitude: PLACE.latitude, longitude: PLACE.longitude },
      openingHours: '工作日 09:00–17:00',
      phone: '027-8888 1234',
      receptionNote: '每月10日 09:00–11:30',
      active: true,
    });
    await stationPage.tap('新增代表');
    expect(wx.navigations).toContain(`/packages/staff/deputy-edit/index?stationId=${stationId}`);

    const deputyPage = await openPage('staffDeputyEdit', { stationId });
    await deputyPage.type('.code-input', 'd901');
    await deputyPage.type('.name-input', '赵文静');
    await deputyPage.tap('乡（镇）人大代表');
    await deputyPage.type('.constituency-input', '北山镇第三选区');
    await deputyPage.type('.occupation-input', '北山镇中心小学教师');
    await deputyPage.type('.profile-input', '长期关注乡村教育。');
    await save(deputyPage);

    expect(deputyPage.text()).toContain('代表已新增');
    const deputyId = deputyPage.data.deputyId as string;
    const created = await callAs(runtime.url, CITY_STAFF, 'directory.getDeputy', { deputyId });
    expect(created.deputy).toMatchObject({ code: 'D901', name: '赵文静', level: 'township', constituency: '北山镇第三选区', stationIds: [stationId], active: true });

    const editPage = await openPage('staffDeputyEdit', { deputyId });
    expect(editPage.text()).toContain('编辑代表');
    expect(editPage.data.form).toMatchObject({ name: '赵文静', level: 'township' });
    await editPage.type('.name-input', '赵文清');
    await editPage.tap('县（区）人大代表');
    await editPage.tap('北山镇人大代表联络站');
    await save(editPage);

    expect(editPage.text()).toContain('已保存');
    const edited = await callAs(runtime.url, CITY_STAFF, 'directory.getDeputy', { deputyId });
    expect(edited.deputy).toMatchObject({ name: '赵文清', level: 'county', stationIds: [stationId, 'st-beishan'] });
    const reopened = await openPage('staffStationEdit', { stationId });
    expect(reopened.text()).toContain('赵文清');
  });

  it('says when a station code is already taken', async () => {
    const { device } = staffPhone(CITY_STAFF);
    const page = await openPage('staffStationEdit');
    await fillStation(page, device, { code: 'NH01', name: '重复编号的联络站', area: '南湖街道' });

    await save(page);

    expect(page.text()).toContain('联络站编号已被使用，请换一个编号');
    expect(page.data.stationId).toBe('');
  });

  it('checks a deputy form before sending it', async () => {
    staffPhone(CITY_STAFF);
    const page = await openPage('staffDeputyEdit');
    await page.type('.code-input', 'D-1');
    await save(page);
    expect(page.text()).toContain('编号为2–12位大写字母或数字，如 D001');
    expect(page.text()).toContain('请选择代表层级');
    expect(page.text()).toContain('请至少选择一个联络站');
    expect(page.data.deputyId).toBe('');
  });

  it('does not let station staff add a station, and says so', async () => {
    const { device } = staffPhone(BEISHAN_STAFF);
    const directory = await openPage('staffDirectory');
    expect(directory.data.stations).toEqual([expect.objectContaining({ id: 'st-beishan' })]);
    await expect(directory.tap('新增联络站')).rejects.toThrow('nothing on the page shows');
    expect(directory.text()).toContain('新增联络站请联系区、市人大工作人员办理。');

    const page = await openPage('staffStationEdit');
    await fillStation(page, device, { code: 'BS09', name: '北山镇第二联络站', area: '北山镇' });
    await save(page);

    expect(page.text()).toContain('不在您负责的范围内，请联系上级人大工作人员办理');
    expect(page.data.stationId).toBe('');
  });
});
