import type * as DeputyModel from '../../../miniprogram/pages/deputy/model';
import { toDeputyView } from '../../../miniprogram/pages/deputy/model';
import { DEPUTY_DETAIL } from '../support/directory-fixtures';
import { freshApp } from '../support/fresh-app';
import { fixtureFunctions, installWx, ok, refused } from '../support/wx-double';

const model = () => freshApp<typeof DeputyModel>('pages/deputy/model');

describe('代表详情 model', () => {
  it('reads the level as its Chinese title and says at which station each reception day is', () => {
    const view = toDeputyView(DEPUTY_DETAIL);

    expect(view).toMatchObject({ name: '王志强', levelLabel: '省人大代表', constituency: '临江市选举产生' });
    expect(view.stations.map((station) => station.name)).toEqual(['和平社区人大代表联络站', '湖滨社区人大代表联络站']);
    expect(view.days).toEqual([
      { id: 'rd-1', dateLabel: '11月15日 周六', timeLabel: '09:00–11:30', stationName: '和平社区人大代表联络站' },
      { id: 'rd-2', dateLabel: '12月15日 周一', timeLabel: '14:30–17:00', stationName: '湖滨社区人大代表联络站' },
    ]);
  });

  it('calls a level this build does not know yet just 人大代表', () => {
    const detail = { ...DEPUTY_DETAIL, deputy: { ...DEPUTY_DETAIL.deputy, level: 'district' as never } };
    expect(toDeputyView(detail).levelLabel).toBe('人大代表');
  });

  it('loads the deputy named in the page query', async () => {
    installWx({ functions: fixtureFunctions({ 'directory.getDeputy': ok(DEPUTY_DETAIL) }) });

    const state = await model().loadDeputy('dp-wang');

    expect(state.status).toBe('ready');
    expect(state.view?.name).toBe('王志强');
  });

  it('shows the Chinese message when the deputy is gone', async () => {
    installWx({ functions: fixtureFunctions({ 'directory.getDeputy': refused('COMMON.NOT_FOUND') }) });

    await expect(model().loadDeputy('dp-gone')).resolves.toEqual({
      status: 'error',
      errorMessage: '没有找到相关内容，可能已被删除',
      view: null,
    });
  });

  it('does not ask the back end when the page was opened without a deputy', async () => {
    const wx = installWx({ functions: fixtureFunctions({}) });

    const state = await model().loadDeputy(undefined);

    expect(state).toMatchObject({ status: 'error', errorMessage: '没有找到相关内容，可能已被删除' });
    expect(wx.cloudCalls).toEqual([]);
  });
});
