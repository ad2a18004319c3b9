import { DEMO_CITY_SESSION, DEMO_DISTRICT_SESSION } from '../../runtime/seed/demoSuggestions';
import { ok, startTestRuntime, type TestRuntime } from '../support/runtime';
import { BEISHAN, CITY, JIANGNAN } from './helpers/suggestions';

/** 会议管理 opens on one call: the sessions staff manage and the congresses they may set one up for. */
let t: TestRuntime;
beforeAll(async () => {
  t = await startTestRuntime();
});
afterAll(async () => t.stop());

const ids = (rows: Array<{ _id: string }>) => rows.map((row) => row._id).sort();

describe('suggestion.sessionsScreen', () => {
  test('江南区 staff see their district’s sessions and the congresses of 江南区 and its townships, in three database requests', async () => {
    const answer = await t.raw('suggestion', { action: 'suggestion.sessionsScreen', payload: {} }, { openid: JIANGNAN });
    const screen = ok(answer.body as never) as { sessions: Array<{ _id: string }>; areas: Array<{ _id: string }> };
    expect(ids(screen.areas)).toEqual(['area-jiangnan', 'area-nanhu', 'area-qingshi']);
    expect(screen.sessions).toEqual(ok(await t.call('suggestion.listSessions', { purpose: 'manage' }, { openid: JIANGNAN })).sessions);
    expect(screen.sessions.map((s) => s._id)).toContain(DEMO_DISTRICT_SESSION);
    expect(screen.sessions.map((s) => s._id)).not.toContain(DEMO_CITY_SESSION);
    expect(answer.databaseRequests).toBe(3);
  });

  test('the city’s staff see the city’s session first and every congress of the city, never a community', async () => {
    const screen = ok(await t.call('suggestion.sessionsScreen', {}, { openid: CITY }));
    expect(screen.sessions[0]?._id).toBe(DEMO_CITY_SESSION);
    expect(ids(screen.areas)).toEqual(['area-beishan', 'area-jiangbei', 'area-jiangnan', 'area-linjiang', 'area-linjiang-jd', 'area-nanhu', 'area-qingshi']);
  });

  test('station staff, residents and callers without an identity are refused; a payload with anything in it is invalid', async () => {
    expect(await t.call('suggestion.sessionsScreen', {}, { openid: BEISHAN })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await t.call('suggestion.sessionsScreen', {}, { openid: 'sessions-screen-resident' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await t.call('suggestion.sessionsScreen', {})).toMatchObject({ ok: false, code: 'AUTH.REQUIRED' });
    expect(await t.call('suggestion.sessionsScreen', { areaId: 'area-linjiang' } as never, { openid: JIANGNAN })).toMatchObject({ ok: false, code: 'COMMON.INVALID_INPUT' });
  });
});
