import type * as StationsModel from '../../../miniprogram/pages/stations/model';
import { areaOptions, distanceLabel, initialStationsState, LOCATION_MESSAGES, SEARCH_MESSAGES, type StationsState } from '../../../miniprogram/pages/stations/model';
import type { ApiResponse } from '../../../miniprogram/shared/errors';
import { AREAS, HEPING_STATION, HUBIN_STATION } from '../support/directory-fixtures';
import { freshApp } from '../support/fresh-app';
import { installDevice, type DeviceDouble } from '../support/wx-device';
import { fixtureFunctions, installWx, networkDown, ok, type FunctionHost } from '../support/wx-double';

/** Drives the model the way the page does, keeping every state it rendered. */
function open(functions: FunctionHost) {
  const wx = installWx({ functions });
  const { createStationsModel } = freshApp<typeof StationsModel>('pages/stations/model');
  let state: StationsState = initialStationsState();
  const model = createStationsModel((change) => (state = { ...state, ...change }));
  return { wx, model, state: () => state };
}

const stationsOf = (areaId: string | undefined) => (areaId === 'area-south' ? [HUBIN_STATION] : areaId ? [] : [HEPING_STATION, HUBIN_STATION]);
const listStations = (payload: { areaId?: string }) => ok({ stations: stationsOf(payload.areaId) });
/** The first screen's one call: the areas and the stations together. */
const stationsScreen = (payload: { areaId?: string }) => ok({ areas: AREAS, stations: stationsOf(payload.areaId) });

describe('联络站 list model', () => {
  it('offers the first level of the area tree that gives a real choice, after 全部', () => {
    expect(areaOptions(AREAS)).toEqual([
      { id: '', name: '全部' },
      { id: 'area-north', name: '江北区' },
      { id: 'area-south', name: '江南区' },
    ]);
  });

  it('offers no filter when there is nothing to choose between', () => {
    expect(areaOptions([AREAS[0]!, AREAS[1]!])).toEqual([]);
    expect(areaOptions([])).toEqual([]);
  });

  it('loads the areas and every station together, in one call', async () => {
    const page = open(fixtureFunctions({ 'directory.stationsScreen': stationsScreen, 'directory.listStations': listStations }));

    await page.model.load();

    expect(page.state()).toMatchObject({ status: 'ready', areaId: '' });
    expect(page.state().areas.map((area) => area.name)).toEqual(['全部', '江北区', '江南区']);
    expect(page.state().view?.map((station) => station.name)).toEqual(['和平社区人大代表联络站', '湖滨社区人大代表联络站']);
    expect(page.wx.cloudCalls.map((call) => [call.action, call.payload])).toEqual([['directory.stationsScreen', {}]]);
  });

  it('reloads only the stations when the resident picks an area', async () => {
    const page = open(fixtureFunctions({ 'directory.stationsScreen': stationsScreen, 'directory.listStations': listStations }));
    await page.model.load();

    await page.model.chooseArea('area-south');

    expect(page.state()).toMatchObject({ status: 'ready', areaId: 'area-south' });
    expect(page.state().view?.map((station) => station.name)).toEqual(['湖滨社区人大代表联络站']);
    expect(page.wx.cloudCalls.map((call) => [call.action, call.payload])).toEqual([
      ['directory.stationsScreen', {}],
      ['directory.listStations', { areaId: 'area-south' }],
    ]);
  });

  it('says so plainly when an area has no station yet', async () => {
    const page = open(fixtureFunctions({ 'directory.stationsScreen': stationsScreen, 'directory.listStations': listStations }));
    await page.model.load();

    await page.model.chooseArea('area-north');

    expect(page.state()).toMatchObject({ status: 'empty', areaId: 'area-north', view: [] });
  });

  it('never lets a slow answer for an earlier choice replace a later one', async () => {
    const slow: Array<() => void> = [];
    const page = open(
      fixtureFunctions({
        'directory.stationsScreen': stationsScreen,
        'directory.listStations': (payload: { areaId?: string }) =>
          payload.areaId === 'area-north' ? new Promise<ApiResponse<unknown>>((resolve) => slow.push(() => resolve(ok({ stations: [HEPING_STATION] })))) : listStations(payload),
      }),
    );
    await page.model.load();

    const first = page.model.chooseArea('area-north');
    await page.model.chooseArea('area-south');
    slow.forEach((answer) => answer());
    await first;

    expect(page.state()).toMatchObject({ areaId: 'area-south' });
    expect(page.state().view?.map((station) => station.name)).toEqual(['湖滨社区人大代表联络站']);
  });

  it('shows the error with 重试, and 重试 asks again for whatever is missing', async () => {
    let online = false;
    const page = open(
      fixtureFunctions({
        'directory.stationsScreen': (payload: { areaId?: string }) => (online ? stationsScreen(payload) : networkDown()),
        'directory.listStations': listStations,
      }),
    );

    await page.model.load();
    expect(page.state()).toMatchObject({ status: 'error', errorMessage: '网络不太稳定，请检查网络后重试', areas: [] });

    online = true;
    await page.model.load();
    expect(page.state()).toMatchObject({ status: 'ready' });
    expect(page.state().areas).toHaveLength(3);
  });
});

describe('联络站 list model: nearest and search', () => {
  const nearby = (payload: { latitude: number; longitude: number }) =>
    ok({ stations: [{ ...HEPING_STATION, location: { latitude: payload.latitude, longitude: payload.longitude }, distanceMeters: 1234 }] });

  function openWithDevice(location: DeviceDouble['location']) {
    const page = open(fixtureFunctions({ 'directory.stationsScreen': stationsScreen, 'directory.listStations': listStations, 'directory.nearestStations': nearby }));
    const device = installDevice(page.wx);
    device.location = location;
    return page;
  }

  it('says distances the way a person would', () => {
    expect(distanceLabel(84)).toBe('约 80 米');
    expect(distanceLabel(3)).toBe('约 10 米');
    expect(distanceLabel(1234)).toBe('约 1.2 公里');
    expect(distanceLabel(15_400)).toBe('约 15 公里');
  });

  it('lists the stations nearest the phone, with how far each is', async () => {
    const page = openWithDevice({ latitude: 30.59, longitude: 114.3 });
    await page.model.load();

    await page.model.showNearest();

    expect(page.wx.cloudCalls.at(-1)).toMatchObject({ action: 'directory.nearestStations', payload: { latitude: 30.59, longitude: 114.3 } });
    expect(page.state()).toMatchObject({ status: 'ready', nearby: true, areaId: '', locationNote: '' });
    expect(page.state().view).toEqual([{ id: 'st-heping', name: HEPING_STATION.name, address: HEPING_STATION.address, distanceLabel: '约 1.2 公里' }]);
  });

  it('explains a refused location in plain words and keeps the list', async () => {
    const page = openWithDevice('denied');
    await page.model.load();
    const before = page.state().view;

    await page.model.showNearest();

    expect(page.state()).toMatchObject({ status: 'ready', nearby: false, locating: false, locationNote: LOCATION_MESSAGES.denied });
    expect(page.state().view).toEqual(before);
  });

  it('asks for a name before searching, and says when nobody matches', async () => {
    const page = open(fixtureFunctions({ 'directory.searchDeputies': ok({ deputies: [] }) }));
    await page.model.search('  ');
    expect(page.state()).toMatchObject({ searchStatus: 'error', searchMessage: '请输入代表姓名' });
    expect(page.wx.cloudCalls).toEqual([]);

    await page.model.search('李');
    expect(page.state()).toMatchObject({ searchStatus: 'empty', searchMessage: SEARCH_MESSAGES.noMatch('李') });
    page.model.clearSearch();
    expect(page.state()).toMatchObject({ searchStatus: 'idle', keyword: '', hits: [] });
  });
});
