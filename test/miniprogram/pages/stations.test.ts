/** @jest-environment jsdom */
import { AREAS, HEPING_STATION, HUBIN_STATION } from '../support/directory-fixtures';
import { openPage } from '../support/page';
import { fixtureFunctions, installWx, ok, refused } from '../support/wx-double';

const stationsOf = (areaId: string | undefined) => (areaId === 'area-south' ? [HUBIN_STATION] : areaId ? [] : [HEPING_STATION, HUBIN_STATION]);
const directory = fixtureFunctions({
  'directory.stationsScreen': (payload: { areaId?: string }) => ok({ areas: AREAS, stations: stationsOf(payload.areaId) }),
  'directory.listStations': (payload: { areaId?: string }) => ok({ stations: stationsOf(payload.areaId) }),
});

describe('联络站 page', () => {
  it('shows the areas to choose from and every station with its address', async () => {
    installWx({ functions: directory });

    const page = await openPage('stations');

    expect(page.text()).toBe('搜索 联络站 离我最近 全部 江北区 江南区 和平社区人大代表联络站 江北区和平路88号一楼 湖滨社区人大代表联络站 江南区湖滨路16号二楼');
  });

  it('narrows the list to the area the resident taps', async () => {
    const wx = installWx({ functions: directory });
    const page = await openPage('stations');

    await page.tap('江南区');

    await page.waitFor(() => page.data.areaId === 'area-south' && page.data.status === 'ready', 'the area to load');
    expect(wx.cloudCalls.at(-1)).toMatchObject({ action: 'directory.listStations', payload: { areaId: 'area-south' } });
    expect(page.text()).toBe('搜索 联络站 离我最近 全部 江北区 江南区 本地区公开数据 湖滨社区人大代表联络站 江南区湖滨路16号二楼');
  });

  it('says so when an area has no station, and keeps the choices to go elsewhere', async () => {
    installWx({ functions: directory });
    const page = await openPage('stations');

    await page.tap('江北区');

    await page.waitFor(() => page.data.status === 'empty', 'the empty area');
    expect(page.text()).toBe('搜索 联络站 离我最近 全部 江北区 江南区 本地区公开数据 这个地区暂时没有联络站');
  });

  it('opens a station on a tap', async () => {
    const wx = installWx({ functions: directory });
    const page = await openPage('stations');

    await page.tap('和平社区人大代表联络站');

    await page.waitFor(() => wx.navigations.length > 0, 'navigation');
    expect(wx.navigations).toEqual(['/pages/station/index?stationId=st-heping']);
  });

  it('shows the Chinese message and 重试 when the list cannot be loaded', async () => {
    installWx({ functions: fixtureFunctions({ 'directory.stationsScreen': refused('COMMON.INTERNAL') }) });

    const page = await openPage('stations');

    expect(page.text()).toBe('搜索 联络站 离我最近 系统开小差了，请稍后再试 重试');
  });
});
