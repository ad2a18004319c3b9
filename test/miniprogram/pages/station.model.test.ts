import type * as StationModel from '../../../miniprogram/pages/station/model';
import { toStationView } from '../../../miniprogram/pages/station/model';
import { STATION_DETAIL } from '../support/directory-fixtures';
import { freshApp } from '../support/fresh-app';
import { fixtureFunctions, installWx, networkDown, ok } from '../support/wx-double';

const model = () => freshApp<typeof StationModel>('pages/station/model');

describe('联络站详情 model', () => {
  it('gives the station, its reception days in Chinese and who receives there', () => {
    const view = toStationView(STATION_DETAIL);

    expect(view).toMatchObject({
      name: '和平社区人大代表联络站',
      address: '江北区和平路88号一楼',
      location: { latitude: 30.5928, longitude: 114.3055 },
      phone: '027-80000001',
    });
    expect(view.days).toEqual([{ id: 'rd-1', dateLabel: '11月15日 周六', timeLabel: '09:00–11:30、14:30–17:00' }]);
    expect(view.deputies).toEqual([
      { id: 'dp-chen', name: '陈建华', levelLabel: '全国人大代表', photoUrl: '' },
      { id: 'dp-zhang', name: '张丽', levelLabel: '市人大代表', photoUrl: '' },
    ]);
  });

  it('loads the station named in the page query', async () => {
    const wx = installWx({ functions: fixtureFunctions({ 'directory.getStation': ok(STATION_DETAIL) }) });

    const state = await model().loadStation('st-heping');

    expect(state.status).toBe('ready');
    expect(wx.cloudCalls[0]).toMatchObject({ action: 'directory.getStation', payload: { stationId: 'st-heping' } });
  });

  it('tells the resident to check the network when it stays down', async () => {
    installWx({ functions: fixtureFunctions({ 'directory.getStation': networkDown }) });

    await expect(model().loadStation('st-heping')).resolves.toMatchObject({
      status: 'error',
      errorMessage: '网络不太稳定，请检查网络后重试',
    });
  });
});
