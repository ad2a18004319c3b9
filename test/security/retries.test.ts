import { COLLECTIONS } from '../../infra/database';
import type { ActionName, PayloadOf } from '../../miniprogram/shared/contract';
import { addDays, shanghaiDate } from '../../miniprogram/shared/domain/time';
import { ok, startTestRuntime, type TestRuntime } from '../support/runtime';
import { ADMIN, addStationDay, bookingPayload, database, fresh, JIANGNAN_STAFF, opinionPayload, STATION } from './support/world';

/**
 * Retries: a phone on a bad network sends the same request again, or twice at once. Every action
 * that creates something takes a client request id and answers a retry with the first result,
 * storing one document; the other creating actions are idempotent by a natural key.
 */
let t: TestRuntime;
beforeAll(async () => {
  t = await startTestRuntime();
});
afterAll(async () => t.stop());

async function count(collection: string, where: Record<string, unknown>): Promise<number> {
  return (await database(t).collection(collection).where(where).count()).total;
}

interface CreateCase<A extends ActionName> {
  action: A;
  openid: string;
  payload: () => Promise<PayloadOf<A>>;
  /** How many documents the created thing is (must be 1). */
  stored: (payload: PayloadOf<A>, openid: string) => Promise<number>;
}

/** The create actions that take a client request id. */
const CREATE_ACTIONS: Array<
  | CreateCase<'opinion.submit'>
  | CreateCase<'booking.book'>
  | CreateCase<'booking.joinWaitlist'>
  | CreateCase<'booking.addWalkIn'>
  | CreateCase<'admin.saveDepartment'>
  | CreateCase<'suggestion.saveDraft'>
  | CreateCase<'suggestion.saveSession'>
> = [
  {
    action: 'opinion.submit',
    openid: '',
    payload: async () => opinionPayload(),
    stored: (_payload, openid) => count(COLLECTIONS.opinions, { authorOpenid: openid }),
  },
  {
    action: 'booking.book',
    openid: '',
    payload: async () => bookingPayload(await addStationDay(t, addDays(shanghaiDate(t.clock.now()), 30 + (serialDay += 1)))),
    stored: (_payload, openid) => count(COLLECTIONS.bookings, { openid }),
  },
  {
    action: 'booking.joinWaitlist',
    openid: '',
    payload: async () => bookingPayload(await addStationDay(t, addDays(shanghaiDate(t.clock.now()), 30 + (serialDay += 1)))),
    stored: (_payload, openid) => count(COLLECTIONS.bookings, { openid }),
  },
  {
    action: 'booking.addWalkIn',
    openid: ADMIN,
    payload: async () => ({ dayId: todayId, name: '孙阿姨', topic: `咨询养老补贴 ${fresh('topic')}`, clientRequestId: fresh('retry-walkin') }),
    stored: async (payload) => count(COLLECTIONS.bookings, { dayId: payload.dayId, topic: payload.topic }),
  },
  {
    action: 'admin.saveDepartment',
    openid: JIANGNAN_STAFF,
    payload: async () => ({ name: `重试承办单位${(serialDepartment += 1)}`, areaId: 'area-nanhu', active: true, clientRequestId: fresh('retry-department') }),
    stored: async (payload) => count(COLLECTIONS.departments, { name: payload.name }),
  },
  {
    // The seeded deputy 刘德明 and the demo session of 临江市's congress.
    action: 'suggestion.saveDraft',
    openid: 'demo-deputy-liu',
    payload: async () => ({
      clientRequestId: fresh('retry-draft'),
      sessionId: 'ss-demo-city-6',
      title: `关于重试保存建议的建议${(serialDepartment += 1)}`,
      cause: '网络不好时，代表保存草稿可能发送两次，不应存成两件建议。',
      content: '建议保存草稿时以客户端请求编号去重，重复发送时返回同一件建议，不重复保存，也不重复邀请联名代表。',
      category: 'other',
      opinionTrackingNos: [],
      coSignerIds: ['dp-006'],
    }),
    stored: async (payload) => count(COLLECTIONS.suggestions, { clientRequestId: payload.clientRequestId }),
  },
  {
    action: 'suggestion.saveSession',
    openid: ADMIN,
    payload: async () => ({
      clientRequestId: fresh('retry-session'),
      areaId: 'area-linjiang',
      name: `重试设立的会议${(serialDepartment += 1)}`,
      acceptsFrom: '2026-11-01',
      acceptsUntil: '2026-12-31',
      active: true,
    }),
    stored: async (payload) => count(COLLECTIONS.suggestionSessions, { name: payload.name }),
  },
];
let serialDepartment = 0;
let serialDay = 0;

/** The id of what a create action made: the opinion, the booking, the walk-in entry or the department. */
function createdId(answer: { ok: boolean; data?: unknown }): string | undefined {
  const data = answer.data as
    | { opinionId?: string; booking?: { _id: string }; entry?: { _id: string }; department?: { _id: string }; suggestion?: { suggestionId: string }; session?: { _id: string } }
    | undefined;
  return data?.opinionId ?? data?.booking?._id ?? data?.entry?._id ?? data?.department?._id ?? data?.suggestion?.suggestionId ?? data?.session?._id;
}
let todayId = '';

beforeAll(async () => {
  todayId = (await addStationDay(t, shanghaiDate(t.clock.now()), { start: '00:00', end: '01:00' }))._id;
});

describe.each(CREATE_ACTIONS.map((c) => [c.action, c] as const))('%s with the same client request id', (action, create) => {
  const who = () => create.openid || fresh('retry-resident');

  test('sent twice: the same answer, one stored document', async () => {
    const openid = who();
    const payload = await create.payload();
    const first = await t.call(action, payload as never, { openid });
    const second = await t.call(action, payload as never, { openid });
    expect(first).toMatchObject({ ok: true });
    expect(second).toEqual(first);
    expect(await create.stored(payload as never, openid)).toBe(1);
  });

  test('sent five times at once: each answer names the one stored document', async () => {
    const openid = who();
    const payload = await create.payload();
    const answers = await Promise.all(Array.from({ length: 5 }, () => t.call(action, payload as never, { openid })));
    for (const answer of answers) expect(answer).toMatchObject({ ok: true });
    // joinWaitlist is two steps (queue, then a free seat): a retry racing the first may still see it queued.
    expect(new Set(answers.map(createdId)).size).toBe(1);
    expect(await create.stored(payload as never, openid)).toBe(1);
    const settled = await t.call(action, payload as never, { openid });
    expect(createdId(settled)).toBe(createdId(answers[0]!));
  });
});

test('a retried join of a full slot answers the same place in the queue', async () => {
  const day = await addStationDay(t, addDays(shanghaiDate(t.clock.now()), 90));
  const full = await addStationDay(t, addDays(shanghaiDate(t.clock.now()), 91));
  await database(t).collection(COLLECTIONS.receptionDays).doc(full._id).update({ 'slots.0.seatsLeft': 0 });
  expect(day._id).not.toBe(full._id);
  const payload = bookingPayload(full);
  const first = await t.call('booking.joinWaitlist', payload, { openid: 'retry-waiting' });
  expect(first).toMatchObject({ ok: true, data: { booking: { status: 'waiting' }, position: 1 } });
  expect(await t.call('booking.joinWaitlist', payload, { openid: 'retry-waiting' })).toEqual(first);
});

describe('creating actions without a client request id are idempotent by a natural key', () => {
  test('account.bindDeputy and account.bindStaff: a retried code answers the same profile', async () => {
    const { code } = ok(await t.call('admin.issueBindingCode', { deputyId: 'dp-009' }, { openid: ADMIN }));
    const answers = [];
    for (let i = 0; i < 3; i += 1) answers.push(await t.call('account.bindDeputy', { code }, { openid: 'retry-deputy' }));
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0]).toMatchObject({ ok: true, data: { deputy: { deputyId: 'dp-009' } } });

    const staff = ok(await t.call('admin.issueStaffCode', { role: 'station', stationId: STATION, name: '重试站员' }, { openid: ADMIN }));
    const staffAnswers = [];
    for (let i = 0; i < 3; i += 1) staffAnswers.push(await t.call('account.bindStaff', { code: staff.code }, { openid: 'retry-staff' }));
    for (const answer of staffAnswers) expect(answer).toEqual(staffAnswers[0]);
    expect(staffAnswers[0]).toMatchObject({ ok: true, data: { staff: { role: 'station', stationId: STATION } } });
  });

  test('account.bindDeputy and account.bindStaff: the same code sent several times at once binds once, every answer is the profile', async () => {
    const { code } = ok(await t.call('admin.issueBindingCode', { deputyId: 'dp-008' }, { openid: ADMIN }));
    const answers = await Promise.all([1, 2, 3, 4, 5].map(() => t.call('account.bindDeputy', { code }, { openid: 'retry-deputy-at-once' })));
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0]).toMatchObject({ ok: true, data: { deputy: { deputyId: 'dp-008' } } });
    expect(await count(COLLECTIONS.accounts, { 'deputy.deputyId': 'dp-008' })).toBe(1);

    const staff = ok(await t.call('admin.issueStaffCode', { role: 'station', stationId: STATION, name: '并发站员' }, { openid: ADMIN }));
    const staffAnswers = await Promise.all([1, 2, 3, 4, 5].map(() => t.call('account.bindStaff', { code: staff.code }, { openid: 'retry-staff-at-once' })));
    for (const answer of staffAnswers) expect(answer).toEqual(staffAnswers[0]);
    expect(staffAnswers[0]).toMatchObject({ ok: true, data: { staff: { role: 'station', stationId: STATION } } });
    expect(await count(COLLECTIONS.accounts, { _id: 'retry-staff-at-once' })).toBe(1);
  });

  test('admin.issueStaffCode: a retried issue for the same person and place leaves one live code, the last', async () => {
    const payload: PayloadOf<'admin.issueStaffCode'> = { role: 'station', stationId: STATION, name: '重发站员' };
    const codes = [];
    for (let i = 0; i < 3; i += 1) codes.push(ok(await t.call('admin.issueStaffCode', payload, { openid: ADMIN })).code);
    expect(await count(COLLECTIONS.staffCodes, { name: '重发站员', usedAt: null, revokedAt: null })).toBe(1);
    for (const earlier of codes.slice(0, -1)) expect(await t.call('account.bindStaff', { code: earlier }, { openid: 'retry-reissued' })).toMatchObject({ code: 'BINDING.REVOKED' });
    expect(await t.call('account.bindStaff', { code: codes[2]! }, { openid: 'retry-reissued' })).toMatchObject({ ok: true });
  });

  test('admin.saveStation and admin.saveDeputy create once: the unique code refuses the retry', async () => {
    const station: PayloadOf<'admin.saveStation'> = {
      code: 'RT01',
      name: '重试联络站',
      areaId: 'area-nanhu',
      address: '南湖路1号',
      location: { latitude: 30.5, longitude: 114.3 },
      openingHours: '',
      phone: '',
      receptionNote: '',
      active: true,
    };
    const stationAnswers = await Promise.all([1, 2, 3].map(() => t.call('admin.saveStation', station, { openid: ADMIN })));
    expect(stationAnswers.filter((a) => a.ok)).toHaveLength(1);
    expect(stationAnswers.filter((a) => !a.ok)).toEqual([
      expect.objectContaining({ code: 'ADMIN.STATION_CODE_TAKEN' }),
      expect.objectContaining({ code: 'ADMIN.STATION_CODE_TAKEN' }),
    ]);
    expect(await count(COLLECTIONS.stations, { code: 'RT01' })).toBe(1);

    const deputy: PayloadOf<'admin.saveDeputy'> = {
      code: 'RT001',
      name: '重试代表',
      level: 'township',
      constituency: '南湖街道',
      occupation: '',
      profile: '',
      photoUrl: '',
      stationIds: [STATION],
      active: true,
    };
    const deputyAnswers = await Promise.all([1, 2, 3].map(() => t.call('admin.saveDeputy', deputy, { openid: ADMIN })));
    expect(deputyAnswers.filter((a) => a.ok)).toHaveLength(1);
    expect(await count(COLLECTIONS.deputies, { code: 'RT001' })).toBe(1);
  });

  test('booking.addDay: one day per station and date (its id), the retry is told it exists', async () => {
    const date = addDays(shanghaiDate(t.clock.now()), 200);
    const answers = await Promise.all([1, 2, 3].map(() => t.call('booking.addDay', { stationId: 'st-qingshi', date }, { openid: ADMIN })));
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok)).toEqual([expect.objectContaining({ code: 'BOOKING.DAY_EXISTS' }), expect.objectContaining({ code: 'BOOKING.DAY_EXISTS' })]);
    expect(await count(COLLECTIONS.receptionDays, { stationId: 'st-qingshi', date })).toBe(1);
  });

  test('booking.recordReception: one record per visit (rr-<bookingId>), written again it is replaced', async () => {
    const { entry } = ok(await t.call('booking.addWalkIn', { dayId: todayId, name: '钱大伯', topic: '反映路灯不亮', clientRequestId: fresh('retry-walkin') }, { openid: ADMIN }));
    const payload = { bookingId: entry._id, deputyIds: [], items: [{ text: '路灯不亮', toOpinion: false }] };
    const answers = await Promise.all([1, 2, 3].map(() => t.call('booking.recordReception', payload, { openid: ADMIN })));
    for (const answer of answers) expect(answer).toMatchObject({ ok: true });
    expect(await count(COLLECTIONS.receptionRecords, { bookingId: entry._id })).toBe(1);
  });

  test('booking.getCheckInQr: staff asking at once for a station with a rule all print the one stored token, and it works', async () => {
    const { rule } = ok(await t.call('booking.getRule', { stationId: 'st-linjiang' }, { openid: ADMIN }));
    ok(await t.call('booking.saveRule', { stationId: 'st-linjiang', rule }, { openid: ADMIN }));
    const answers = await Promise.all([1, 2, 3].map(() => t.call('booking.getCheckInQr', { stationId: 'st-linjiang' }, { openid: ADMIN })));
    for (const answer of answers) expect(answer).toMatchObject({ ok: true });
    const scenes = answers.map((a) => ok(a).scene);
    expect(new Set(scenes).size).toBe(1);
    expect(await t.call('booking.checkIn', { scene: scenes[0]! }, { openid: 'retry-nobody' })).toMatchObject({ code: 'BOOKING.NO_BOOKING_HERE' });
  });
});
