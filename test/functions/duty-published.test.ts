import tcb from '@cloudbase/node-sdk';
import { COLLECTIONS } from '../../infra/database';
import { publishedIdFor } from '../../infra/documents/duty';
import { DEMO_DUTY_ACCOUNT, DEMO_DUTY_AREA, DEMO_DUTY_DEPUTY } from '../../runtime/seed/demoDuty';
import { staffOf } from './helpers/duty';
import { ok, useTestRuntime } from '../support/runtime';
import { CITY_STAFF } from '../support/people';

/**
 * 亮分 on the directory's pages: the duty timer publishes this year's figures in plain words; the
 * deputy and station pages show them from the call they already make (no extra database request);
 * a ranking appears only once staff of the area turn it on, and then within the station (on the
 * public page) and within the station and the area (on the deputy's own record).
 */
const t = useTestRuntime();

const deputyPage = () => t.raw('directory', { action: 'directory.getDeputy', payload: { deputyId: DEMO_DUTY_DEPUTY } });
const stationPage = () => t.raw('directory', { action: 'directory.getStation', payload: { stationId: 'st-linjiang' } });

test('nothing is shown before the first publication; afterwards the figures of this year, with no ranking by default', async () => {
  expect(ok((await deputyPage()).body as never)).toMatchObject({ dutyFigures: null });
  await t.fireTimer('duty');

  const deputy = await deputyPage();
  expect(deputy.databaseRequests).toBeLessThanOrEqual(2);
  const record = ok(await t.call('duty.getRecord', { year: 2026, deputyId: DEMO_DUTY_DEPUTY }, { openid: CITY_STAFF }));
  const { dutyFigures } = ok(deputy.body as never) as { dutyFigures: { year: number; sentences: string[]; ranking: unknown; asOf: string } };
  expect(dutyFigures).toMatchObject({ year: 2026, ranking: null, asOf: '2026-11-18' });
  expect(dutyFigures.sentences[0]).toBe(`2026年进站接待${record.figures.dutyDays}天，接待群众${record.figures.residentsReceived}人次。`);

  const station = await stationPage();
  expect(station.databaseRequests).toBe(1);
  const stationFigures = (ok(station.body as never) as { dutyFigures: { sentences: string[]; stars: { stars: number; rubric: string[] } } }).dutyFigures;
  expect(stationFigures.sentences[0]).toMatch(/^2026年开放接待日\d+天/);
  expect(stationFigures.stars.rubric.length).toBeGreaterThan(0);
});

test('staff turn ranking on for their area: deputies there are ranked within their station, others are not', async () => {
  ok(await t.call('duty.saveSettings', { areaId: DEMO_DUTY_AREA, contestFrom: null, contestUntil: null, rankingShown: true }, { openid: CITY_STAFF }));
  await t.fireTimer('duty');
  const { dutyFigures } = ok(await t.call('directory.getDeputy', { deputyId: DEMO_DUTY_DEPUTY }));
  expect(dutyFigures?.ranking).toMatchObject({ within: '临江街道人大代表联络站', of: 4 });
  // 江南区 kept ranking off.
  expect(ok(await t.call('directory.getDeputy', { deputyId: 'dp-005' })).dutyFigures?.ranking).toBeNull();

  ok(await t.call('duty.saveSettings', { areaId: DEMO_DUTY_AREA, contestFrom: null, contestUntil: null, rankingShown: false }, { openid: CITY_STAFF }));
  await t.fireTimer('duty');
  expect(ok(await t.call('directory.getDeputy', { deputyId: DEMO_DUTY_DEPUTY })).dutyFigures?.ranking).toBeNull();
});

test("with ranking on, the deputy's own record shows this year's place within the station and within the area, ranked among the area's deputies by total", async () => {
  const jiangbei = await staffOf(t, 'duty-published-jiangbei', { role: 'area', areaId: DEMO_DUTY_AREA });
  ok(await t.call('duty.saveSettings', { areaId: DEMO_DUTY_AREA, contestFrom: null, contestUntil: null, rankingShown: true }, { openid: CITY_STAFF }));
  await t.fireTimer('duty');
  const record = ok(await t.call('duty.getRecord', { year: 2026 }, { openid: DEMO_DUTY_ACCOUNT }));
  const { deputies } = ok(await t.call('duty.listDeputies', { year: 2026 }, { openid: jiangbei }));
  const mine = deputies.find((deputy) => deputy.deputyId === DEMO_DUTY_DEPUTY)!;
  expect(record.rankings).toEqual([
    expect.objectContaining({ within: '临江街道人大代表联络站' }),
    { within: '江北区', of: deputies.length, rank: 1 + deputies.filter((deputy) => deputy.total > mine.total).length },
  ]);
  expect(deputies.length).toBeGreaterThan(record.rankings[0]!.of);
  // Another year's record carries no ranking; 江南区 kept ranking off.
  expect(ok(await t.call('duty.getRecord', { year: 2025 }, { openid: DEMO_DUTY_ACCOUNT })).rankings).toEqual([]);
  expect(ok(await t.call('duty.getRecord', { year: 2026, deputyId: 'dp-005' }, { openid: CITY_STAFF })).rankings).toEqual([]);

  ok(await t.call('duty.saveSettings', { areaId: DEMO_DUTY_AREA, contestFrom: null, contestUntil: null, rankingShown: false }, { openid: CITY_STAFF }));
  await t.fireTimer('duty');
  expect(ok(await t.call('duty.getRecord', { year: 2026 }, { openid: DEMO_DUTY_ACCOUNT })).rankings).toEqual([]);
});

test('every active deputy is published, however many, a turn a firing: a city has more than the 1,000 one request answers', async () => {
  const db = tcb.init({ env: t.runtime.config.envId }).database();
  await t.fireTimer('duty');
  const many = Array.from({ length: 1000 }, (_, i) => ({
    _id: `dp-many-${String(i).padStart(4, '0')}`,
    name: `代表${i}`,
    code: `M${String(i).padStart(4, '0')}`,
    active: true,
    stationIds: [],
  }));
  await db.collection(COLLECTIONS.deputies).add(many);

  // Each firing works out a turn (at least a twentieth of the deputies, 200 at the least, whole
  // stations): a few firings publish everyone, and each answered within its requests' timeouts.
  const firings: Array<{ deputies: number; due: number }> = [];
  for (let due = Infinity; due > 0 && firings.length < 10;) {
    const fired = await t.fireTimer('duty');
    expect(fired.body).toMatchObject({ ok: true });
    const data = (fired.body as { data: { deputies: number; due: number } }).data;
    firings.push(data);
    due = data.due;
  }
  // The thousand new ones were never published: five turns of 200 (the demo's were, earlier today).
  expect(firings.map((firing) => firing.deputies)).toEqual([200, 200, 200, 200, 200]);
  expect(firings.map((firing) => firing.due)).toEqual([800, 600, 400, 200, 0]);
  // The last by _id, past the first thousand read: findDeputies read them all.

  const last = await db.collection(COLLECTIONS.dutyPublished).doc(publishedIdFor('deputy', 'dp-many-0999')).get();
  expect(last.data).toHaveLength(1);
  const demo = await db.collection(COLLECTIONS.dutyPublished).doc(publishedIdFor('deputy', DEMO_DUTY_DEPUTY)).get();
  expect(demo.data).toHaveLength(1);
  // Six firings of about 1,600 database requests each: a minute on a busy two-core machine.
}, 180_000);
