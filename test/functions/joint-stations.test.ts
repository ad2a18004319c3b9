import { COLLECTIONS } from '../../infra/database';
import type { CaseStats } from '../../miniprogram/shared/contract/casework';
import { FIGURES, type FigureCounts } from '../../miniprogram/shared/domain/caseStats';
import { shanghaiInstant } from '../../miniprogram/shared/domain/time';
import { ok, useTestRuntime, refusedWith } from '../support/runtime';
import { database, opinionFor } from './helpers/cloud';
import { BEISHAN_STAFF, CITY_STAFF, JIANGNAN_STAFF } from '../support/people';

/**
 * 跨区域联络站: 青石镇's station (st-qingshi, 江南区) becomes a joint station with 北山镇 (江北区, the
 * same city) and with 界岭镇 of a neighbouring city, 桂源市, that shares no parent with 临江市 in
 * the product. Each side's staff see it and its cases, their deputies receive there, cases go to
 * either side's units, and each area counts it once: its stations add up to its figures, and
 * 临江市, above both 江南区 and 江北区, counts it once. Demo seeded as of Saturday 2026-10-31.
 */
const SEEDED_AS_OF = new Date('2026-10-31T01:00:00Z');
const NEIGHBOUR = 'joint-staff-guiyuan';
const GUIYUAN = 'area-guiyuan';
const JIELING = 'area-jieling';
const JIELING_GOV = 'dept-jieling-gov';

const t = useTestRuntime({ at: SEEDED_AS_OF });
beforeAll(async () => {
  t.clock.set(shanghaiInstant('2026-11-25', '10:00'));
  const db = database(t);
  const at = new Date('2026-01-01T00:00:00Z');
  await db.collection(COLLECTIONS.areas).add([
    { _id: GUIYUAN, name: '桂源市', kind: 'city', parentId: null, path: [GUIYUAN] },
    { _id: JIELING, name: '界岭镇', kind: 'township', parentId: GUIYUAN, path: [GUIYUAN, JIELING] },
  ]);
  await db
    .collection(COLLECTIONS.departments)
    .add({ _id: JIELING_GOV, name: '界岭镇人民政府', areaId: JIELING, areaPath: [GUIYUAN, JIELING], active: true, createdAt: at, updatedAt: at });
  await db.collection(COLLECTIONS.accounts).add({ _id: NEIGHBOUR, roles: ['resident', 'staff'], staff: { role: 'area', areaId: GUIYUAN }, createdAt: at });
});

async function qingshi() {
  return ok(await t.call('directory.getStation', { stationId: 'st-qingshi' })).station;
}

/** st-qingshi's editable fields as the station form sends them back. */
async function qingshiForm() {
  const { _id, code, name, areaId, address, location, openingHours, phone, receptionNote, active } = await qingshi();
  return { stationId: _id, code, name, areaId, address, location, openingHours, phone, receptionNote, active };
}

async function stats(openid: string, scope: { areaId: string } | { stationId: string }, from: string, to: string): Promise<CaseStats> {
  return ok(await t.call('casework.stats', { from, to, scope }, { openid }));
}

async function stationsOf(areaId: string): Promise<string[]> {
  return ok(await t.call('directory.listStations', { areaId })).stations.map((s) => s._id);
}

const PERIODS = [
  ['October 2026', '2026-10-01', '2026-10-31'],
  ['the year 2026', '2026-01-01', '2026-12-31'],
] as const;

const add = (a: FigureCounts, b: FigureCounts) => Object.fromEntries(FIGURES.map((f) => [f, a[f] + b[f]])) as FigureCounts;

describe('sharing a station with other areas', () => {
  test('refused: its own area or one above it, an unknown area, staff outside its own area', async () => {
    const form = await qingshiForm();
    expect(await t.call('admin.saveStation', { ...form, sharedAreaIds: ['area-jiangnan'] }, { openid: JIANGNAN_STAFF })).toEqual(refusedWith('ADMIN.SHARED_AREA_INVALID'));
    expect(await t.call('admin.saveStation', { ...form, sharedAreaIds: ['area-mars'] }, { openid: JIANGNAN_STAFF })).toEqual(refusedWith('ADMIN.AREA_NOT_FOUND'));
    expect(await t.call('admin.saveStation', { ...form, sharedAreaIds: [JIELING] }, { openid: NEIGHBOUR })).toEqual(refusedWith('ADMIN.OUT_OF_SCOPE'));
    expect(await t.call('admin.saveStation', { ...form, sharedAreaIds: [JIELING] }, { openid: BEISHAN_STAFF })).toEqual(refusedWith('ADMIN.OUT_OF_SCOPE'));
    expect((await qingshi()).sharedAreaIds).toBeUndefined();
  });

  test('shared with 北山镇 and 界岭镇: every area adds its count once; 临江市, above both sides, does not change', async () => {
    const before = new Map<string, CaseStats>();
    for (const [, from, to] of PERIODS) {
      for (const areaId of ['area-linjiang', 'area-jiangbei', 'area-beishan']) before.set(`${areaId}${from}`, await stats(CITY_STAFF, { areaId }, from, to));
    }
    expect(await stationsOf(JIELING)).toEqual([]);

    const { station } = ok(await t.call('admin.saveStation', { ...(await qingshiForm()), sharedAreaIds: ['area-beishan', JIELING] }, { openid: JIANGNAN_STAFF }));
    expect(station.sharedAreaIds).toEqual(['area-beishan', JIELING]);

    for (const areaId of ['area-qingshi', 'area-jiangnan', 'area-beishan', 'area-jiangbei', 'area-linjiang', JIELING, GUIYUAN]) {
      expect({ areaId, listed: (await stationsOf(areaId)).filter((id) => id === 'st-qingshi').length }).toEqual({ areaId, listed: 1 });
    }
    for (const [, from, to] of PERIODS) {
      const station = (await stats(CITY_STAFF, { stationId: 'st-qingshi' }, from, to)).counts;
      expect(station.collected).toBeGreaterThan(0);
      expect((await stats(CITY_STAFF, { areaId: 'area-linjiang' }, from, to)).counts).toEqual(before.get(`area-linjiang${from}`)?.counts);
      for (const areaId of ['area-jiangbei', 'area-beishan']) {
        expect((await stats(CITY_STAFF, { areaId }, from, to)).counts).toEqual(add(before.get(`${areaId}${from}`)!.counts, station));
      }
      // The neighbour's staff see the station's figures as their own, and their city's are exactly it.
      expect((await stats(NEIGHBOUR, { areaId: GUIYUAN }, from, to)).counts).toEqual(station);
      expect((await stats(NEIGHBOUR, { stationId: 'st-qingshi' }, from, to)).counts).toEqual(station);
    }
  });

  test.each(PERIODS)('every station of an area added up gives the area’s figures, the joint station included (%s)', async (_label, from, to) => {
    for (const [openid, areaId] of [
      [CITY_STAFF, 'area-linjiang'],
      [CITY_STAFF, 'area-jiangbei'],
      [CITY_STAFF, 'area-jiangnan'],
      [NEIGHBOUR, GUIYUAN],
    ] as const) {
      const stations = await stationsOf(areaId);
      expect(stations).toContain('st-qingshi');
      let sum = Object.fromEntries(FIGURES.map((f) => [f, 0])) as FigureCounts;
      for (const stationId of stations) sum = add(sum, (await stats(openid, { stationId }, from, to)).counts);
      expect({ areaId, counts: sum }).toEqual({ areaId, counts: (await stats(openid, { areaId }, from, to)).counts });
    }
    // The public page reads the same numbers.
    const year = Number(from.slice(0, 4));
    const month = from.endsWith('-10-01') ? 10 : undefined;
    const publicArea = ok(await t.call('casework.figures', { scope: { areaId: GUIYUAN }, year, ...(month ? { month } : {}) }));
    const publicStation = ok(await t.call('casework.figures', { scope: { stationId: 'st-qingshi' }, year, ...(month ? { month } : {}) }));
    expect(publicArea.headlines.filter((h) => !h.key.startsWith('project'))).toEqual(publicStation.headlines);
  });

  test('the neighbour’s staff find its cases, accept one and assign it to their own town’s government', async () => {
    const { opinionId } = ok(await t.call('opinion.submit', opinionFor({ stationId: 'st-qingshi' }), { openid: 'joint-resident' }));
    const { items } = ok(await t.call('casework.list', { view: 'toAccept', pageSize: 50 }, { openid: NEIGHBOUR }));
    expect(items.map((i) => i.opinionId)).toContain(opinionId);
    ok(await t.call('casework.accept', { opinionId }, { openid: NEIGHBOUR }));
    const detail = ok(await t.call('casework.get', { opinionId }, { openid: NEIGHBOUR }));
    const choices = detail.assignableDepartments.map((d) => d._id);
    expect(choices).toEqual(expect.arrayContaining([JIELING_GOV, 'dept-qs-gov', 'dept-jn-zhujian', 'dept-bs-gov']));
    ok(await t.call('casework.assign', { opinionId, departmentIds: [JIELING_GOV], note: '请界岭镇会同办理' }, { openid: NEIGHBOUR }));
    // 江南区's staff, on the other side, see the same case where it stands.
    expect(ok(await t.call('casework.get', { opinionId }, { openid: JIANGNAN_STAFF })).status).toBe('assigned');
  });

  test('deputies of each side are on its roster; the neighbour’s staff may edit its hours but not its areas; an older form keeps the sharing', async () => {
    const { deputy } = ok(
      await t.call(
        'admin.saveDeputy',
        {
          code: 'GY01',
          name: '韦春燕',
          level: 'township',
          constituency: '界岭镇第二选区',
          occupation: '村医',
          profile: '',
          photoUrl: '',
          stationIds: ['st-qingshi'],
          active: true,
        },
        { openid: NEIGHBOUR },
      ),
    );
    const roster = ok(await t.call('directory.getStation', { stationId: 'st-qingshi' })).deputies.map((d) => d._id);
    expect(roster).toEqual(expect.arrayContaining([deputy._id, 'dp-012', 'dp-014']));

    const form = await qingshiForm();
    expect(ok(await t.call('admin.saveStation', { ...form, openingHours: '工作日 08:30–17:30' }, { openid: NEIGHBOUR })).station.sharedAreaIds).toEqual(['area-beishan', JIELING]);
    expect(await t.call('admin.saveStation', { ...form, sharedAreaIds: [JIELING] }, { openid: NEIGHBOUR })).toEqual(refusedWith('ADMIN.OUT_OF_SCOPE'));
    expect((await qingshi()).sharedAreaIds).toEqual(['area-beishan', JIELING]);
  });

  test('no longer shared: its cases and days leave the other side’s scope and figures', async () => {
    ok(await t.call('admin.saveStation', { ...(await qingshiForm()), sharedAreaIds: [] }, { openid: JIANGNAN_STAFF }));
    expect(await stationsOf(GUIYUAN)).toEqual([]);
    expect((await stats(NEIGHBOUR, { areaId: GUIYUAN }, '2026-01-01', '2026-12-31')).counts.collected).toBe(0);
    expect((await t.call('casework.list', { view: 'all', pageSize: 50 }, { openid: NEIGHBOUR })) as unknown).toMatchObject({ ok: true, data: { items: [] } });
    expect(await t.call('casework.stats', { from: '2026-10-01', to: '2026-10-31', scope: { stationId: 'st-qingshi' } }, { openid: NEIGHBOUR })).toEqual(
      refusedWith('ADMIN.OUT_OF_SCOPE'),
    );
  });
});
