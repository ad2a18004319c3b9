import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { PayloadOf } from '../../miniprogram/shared/contract';
import { ok, useTestRuntime, FIRST_RATE_TURN } from '../support/runtime';
import { BEISHAN_STAFF, CITY_STAFF, JIANGNAN_STAFF } from '../support/people';

const t = useTestRuntime();

const OUT_OF_SCOPE = { ok: false, code: 'ADMIN.OUT_OF_SCOPE', message: '不在您负责的范围内，请联系上级人大工作人员办理' };

function newStation(overrides: Partial<PayloadOf<'admin.saveStation'>> = {}): PayloadOf<'admin.saveStation'> {
  return {
    code: 'HB02',
    name: '湖滨社区人大代表联络点',
    areaId: 'area-hubin',
    address: '临江市江南区湖滨路20号',
    location: { latitude: 30.502, longitude: 114.331 },
    openingHours: '工作日 09:00–17:00',
    phone: '027-80000009',
    receptionNote: '每月15日',
    active: true,
    ...overrides,
  };
}

function newDeputy(overrides: Partial<PayloadOf<'admin.saveDeputy'>> = {}): PayloadOf<'admin.saveDeputy'> {
  return {
    code: 'D101',
    name: '钱学文',
    level: 'county',
    constituency: '江南区第十选区',
    occupation: '小学教师',
    profile: '关注教育。',
    photoUrl: '',
    stationIds: ['st-nanhu'],
    active: true,
    ...overrides,
  };
}

describe('staff create and edit stations within their area', () => {
  test('江南 staff create a station in their district; residents find it', async () => {
    const answer = await t.raw('admin', { action: 'admin.saveStation', payload: newStation({ code: 'hb02' }) }, { openid: JIANGNAN_STAFF });
    const { station } = ok(answer.body as never) as { station: { _id: string; code: string } };
    expect(station).toMatchObject({ code: 'HB02', name: '湖滨社区人大代表联络点', areaId: 'area-hubin', active: true });
    expect(answer.databaseRequests).toBe(3 + FIRST_RATE_TURN);
    const { stations } = ok(await t.call('directory.listStations', { areaId: 'area-jiangnan' }));
    expect(stations.map((s) => s.code)).toContain('HB02');
    const detail = ok(await t.call('directory.getStation', { stationId: station._id }));
    expect(detail.station.address).toBe('临江市江南区湖滨路20号');
  });

  test('editing replaces the fields; retiring takes the station out of lists', async () => {
    const { station } = ok(await t.call('admin.saveStation', newStation({ code: 'HB03', name: '旧名' }), { openid: CITY_STAFF }));
    const edited = ok(await t.call('admin.saveStation', newStation({ stationId: station._id, code: 'HB03', name: '新名', active: false }), { openid: JIANGNAN_STAFF }));
    expect(edited.station).toMatchObject({ _id: station._id, name: '新名', active: false });
    expect(ok(await t.call('directory.listStations', {})).stations.map((s) => s.code)).not.toContain('HB03');
    expect(await t.call('directory.getStation', { stationId: station._id })).toMatchObject({ code: 'COMMON.NOT_FOUND' });
  });

  test('a code already in use is refused with a clear message', async () => {
    expect(await t.call('admin.saveStation', newStation({ code: 'LJ01' }), { openid: CITY_STAFF })).toEqual({
      ok: false,
      code: 'ADMIN.STATION_CODE_TAKEN',
      message: '联络站编号已被使用，请换一个编号',
    });
  });

  test('江南 staff cannot create in 江北, nor edit or move a 江北 station; station staff edit only their own, in place', async () => {
    expect(await t.call('admin.saveStation', newStation({ code: 'JB09', areaId: 'area-beishan' }), { openid: JIANGNAN_STAFF })).toEqual(OUT_OF_SCOPE);
    const beishan = ok(await t.call('directory.getStation', { stationId: 'st-beishan' })).station;
    const { _id, ...fields } = beishan;
    const edit = {
      stationId: _id,
      code: fields.code,
      name: fields.name,
      areaId: fields.areaId,
      address: fields.address,
      location: fields.location,
      openingHours: fields.openingHours,
      phone: fields.phone,
      receptionNote: fields.receptionNote,
      active: fields.active,
    };
    expect(await t.call('admin.saveStation', { ...edit, name: '改名' }, { openid: JIANGNAN_STAFF })).toEqual(OUT_OF_SCOPE);
    expect(ok(await t.call('admin.saveStation', { ...edit, openingHours: '每天 08:30–18:00' }, { openid: BEISHAN_STAFF })).station.openingHours).toBe('每天 08:30–18:00');
    expect(await t.call('admin.saveStation', { ...edit, areaId: 'area-qingshi' }, { openid: BEISHAN_STAFF })).toEqual(OUT_OF_SCOPE);
    expect(await t.call('admin.saveStation', newStation({ code: 'BS09', areaId: 'area-beishan' }), { openid: BEISHAN_STAFF })).toEqual(OUT_OF_SCOPE);
    expect(await t.call('admin.saveStation', { ...edit, stationId: 'st-linjiang', code: 'LJ01' }, { openid: BEISHAN_STAFF })).toEqual(OUT_OF_SCOPE);
  });

  test('an unknown area or station', async () => {
    expect(await t.call('admin.saveStation', newStation({ code: 'XX01', areaId: 'area-mars' }), { openid: CITY_STAFF })).toMatchObject({
      code: 'ADMIN.AREA_NOT_FOUND',
      message: '所选区域不存在，请重新选择',
    });
    expect(await t.call('admin.saveStation', newStation({ stationId: 'st-nowhere', code: 'XX02' }), { openid: CITY_STAFF })).toMatchObject({ code: 'COMMON.NOT_FOUND' });
  });

  test('residents and deputies cannot call admin actions', async () => {
    for (const action of ['admin.saveStation', 'admin.saveDeputy', 'admin.createQrCode'] as const) {
      const payload =
        action === 'admin.saveStation' ? newStation({ code: 'ZZ01' }) : action === 'admin.saveDeputy' ? newDeputy({ code: 'Z001' }) : { kind: 'station', id: 'st-nanhu' };
      expect((await t.raw('admin', { action, payload }, { openid: 'demo-resident-001' })).body).toEqual({ ok: false, code: 'AUTH.FORBIDDEN', message: '您没有权限进行此操作' });
      expect((await t.raw('admin', { action, payload })).body).toMatchObject({ code: 'AUTH.REQUIRED' });
    }
  });
});

describe('staff create and edit deputies within their area', () => {
  test('a new deputy at a 江南 station appears on the station page and in search', async () => {
    const { deputy } = ok(await t.call('admin.saveDeputy', newDeputy(), { openid: JIANGNAN_STAFF }));
    expect(deputy).toMatchObject({ code: 'D101', name: '钱学文', stationIds: ['st-nanhu'], active: true });
    const station = ok(await t.call('directory.getStation', { stationId: 'st-nanhu' }));
    expect(station.deputies.map((d) => d.name)).toContain('钱学文');
    expect(ok(await t.call('directory.searchDeputies', { keyword: '学文' })).deputies.map((d) => d._id)).toEqual([deputy._id]);
  });

  test('stations must exist and be in scope; codes are unique', async () => {
    expect(await t.call('admin.saveDeputy', newDeputy({ code: 'D102', stationIds: ['st-nanhu', 'st-gone'] }), { openid: CITY_STAFF })).toEqual({
      ok: false,
      code: 'ADMIN.STATION_NOT_FOUND',
      message: '所选联络站不存在，请重新选择',
    });
    expect(await t.call('admin.saveDeputy', newDeputy({ code: 'D103', stationIds: ['st-beishan'] }), { openid: JIANGNAN_STAFF })).toEqual(OUT_OF_SCOPE);
    expect(await t.call('admin.saveDeputy', newDeputy({ code: 'D001' }), { openid: CITY_STAFF })).toEqual({
      ok: false,
      code: 'ADMIN.DEPUTY_CODE_TAKEN',
      message: '代表编号已被使用，请换一个编号',
    });
    expect(await t.call('admin.saveDeputy', newDeputy({ code: 'D104', stationIds: [] }), { openid: CITY_STAFF })).toMatchObject({ fields: { stationIds: '请至少选择一个联络站' } });
  });

  test('北山 station staff may add their station to a deputy but not take them off another station', async () => {
    const { deputy } = ok(await t.call('directory.getDeputy', { deputyId: 'dp-003' }));
    const { _id, ...fields } = deputy;
    const edit = {
      deputyId: _id,
      code: fields.code,
      name: fields.name,
      level: fields.level,
      constituency: fields.constituency,
      occupation: fields.occupation,
      profile: fields.profile,
      photoUrl: fields.photoUrl,
      stationIds: fields.stationIds,
      active: fields.active,
    };
    expect(await t.call('admin.saveDeputy', { ...edit, stationIds: ['st-beishan'] }, { openid: BEISHAN_STAFF })).toEqual(OUT_OF_SCOPE);
    expect(ok(await t.call('admin.saveDeputy', { ...edit, occupation: '港务集团高级工程师' }, { openid: BEISHAN_STAFF })).deputy.occupation).toBe('港务集团高级工程师');
    expect(await t.call('admin.saveDeputy', { ...edit, deputyId: 'dp-001', code: 'D001' }, { openid: BEISHAN_STAFF })).toEqual(OUT_OF_SCOPE);
  });
});

function decodeQr(png: Buffer): URL {
  const image = PNG.sync.read(png);
  const code = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  if (!code) throw new Error('no QR code found in the PNG');
  return new URL(code.data);
}

describe('QR codes for posters and cards', () => {
  test('a deputy’s code opens the scan page with their scene, and the scene leads back to them', async () => {
    const answer = await t.raw('admin', { action: 'admin.createQrCode', payload: { kind: 'deputy', id: 'dp-001' } }, { openid: CITY_STAFF });
    const file = ok(answer.body as never) as { scene: string; fileID: string; url: string };
    expect(file.scene).toBe('d=D001');
    expect(file.fileID).toMatch(/^cloud:\/\/.+\/qrcodes\/deputy-D001\.png$/);
    expect(answer.databaseRequests).toBe(2 + FIRST_RATE_TURN);
    const png = Buffer.from(await (await fetch(file.url)).arrayBuffer());
    const opened = decodeQr(png);
    expect(opened.searchParams.get('page')).toBe('pages/scan/index');
    expect(opened.searchParams.get('scene')).toBe('d=D001');
    expect(ok(await t.call('directory.resolveScene', { scene: file.scene }))).toEqual({ kind: 'deputy', id: 'dp-001' });
  });

  test('a station’s code, by its station staff', async () => {
    const file = ok(await t.call('admin.createQrCode', { kind: 'station', id: 'st-beishan' }, { openid: BEISHAN_STAFF }));
    expect(file.scene).toBe('s=BS01');
    expect(ok(await t.call('directory.resolveScene', { scene: encodeURIComponent(file.scene) }))).toEqual({ kind: 'station', id: 'st-beishan' });
  });

  test('outside their scope, unknown, or retired', async () => {
    expect(await t.call('admin.createQrCode', { kind: 'station', id: 'st-linjiang' }, { openid: BEISHAN_STAFF })).toEqual(OUT_OF_SCOPE);
    expect(await t.call('admin.createQrCode', { kind: 'deputy', id: 'dp-001' }, { openid: JIANGNAN_STAFF })).toEqual(OUT_OF_SCOPE);
    expect(await t.call('admin.createQrCode', { kind: 'deputy', id: 'dp-999' }, { openid: CITY_STAFF })).toMatchObject({ code: 'COMMON.NOT_FOUND' });
    const { station } = ok(await t.call('admin.saveStation', newStation({ code: 'QS09', areaId: 'area-qingshi', active: false }), { openid: CITY_STAFF }));
    expect(await t.call('admin.createQrCode', { kind: 'station', id: station._id }, { openid: CITY_STAFF })).toEqual({
      ok: false,
      code: 'ADMIN.TARGET_INACTIVE',
      message: '该代表或联络站已停用，请先启用后再生成二维码或绑定码',
    });
  });
});
