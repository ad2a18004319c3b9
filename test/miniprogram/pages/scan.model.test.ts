import type * as ScanModel from '../../../miniprogram/pages/scan/model';
import { sceneFromQuery } from '../../../miniprogram/pages/scan/model';
import { freshApp } from '../support/fresh-app';
import { fixtureFunctions, installWx, networkDown, ok, refused } from '../support/wx-double';

const resolve = (answer: Parameters<typeof fixtureFunctions>[0]['directory.resolveScene']) => {
  const wx = installWx({ functions: fixtureFunctions({ 'directory.resolveScene': answer }) });
  return { wx, model: freshApp<typeof ScanModel>('pages/scan/model') };
};

describe('扫码进入 model', () => {
  it('decodes options.scene once, and keeps a malformed one as it came', () => {
    expect(sceneFromQuery('d%3DD001')).toBe('d=D001');
    expect(sceneFromQuery('d=D001')).toBe('d=D001');
    expect(sceneFromQuery('%E0%A4%A')).toBe('%E0%A4%A');
    expect(sceneFromQuery(undefined)).toBe('');
  });

  it("opens the deputy's or the station's page", async () => {
    const { wx, model } = resolve(ok({ kind: 'station', id: 'st-linjiang' }));
    expect(await model.resolveLanding('s%3DLJ01')).toEqual({ kind: 'open', url: '/pages/station/index?stationId=st-linjiang' });
    expect(wx.cloudCalls.map((call) => call.payload)).toEqual([{ scene: 's=LJ01' }]);
  });

  it('calls a retired or unknown code unknown', async () => {
    expect(await resolve(refused('SCENE.UNKNOWN')).model.resolveLanding('d%3DD999')).toEqual({ kind: 'unknown' });
  });

  it('does not call a weak network "unknown": the resident can try again', async () => {
    expect(await resolve(networkDown).model.resolveLanding('d%3DD001')).toEqual({ kind: 'error', message: '网络不太稳定，请检查网络后重试' });
  });
});
