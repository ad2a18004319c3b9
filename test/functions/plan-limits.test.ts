/**
 * A CloudBase plan's limits, enforced by the local runtime (runtime/limits.ts): over them the
 * database and the platform answer as CloudBase does, every refusal reaches the mini-program as
 * something it may try again, and the mini-program's own client (services/api.ts) does try again,
 * so that on reception-day morning nothing is lost silently and capacity still holds exactly.
 */
import tcb from '@cloudbase/node-sdk';
import { COLLECTIONS } from '../../infra/database';
import { callApi, useBackend } from '../../miniprogram/services/api';
import type { LimitCounts } from '../../runtime/limits';
import { installWx, type CloudEvent } from '../miniprogram/support/wx-double';
import { ok, useTestRuntime } from '../support/runtime';
import { addTestDay, bookingPayload, database, daysFromToday, seatsLeft } from './booking.support';

const t = useTestRuntime();
afterEach(() => t.runtime.gate.apply({}));

const counts = async (): Promise<LimitCounts> => (await fetch(`${t.runtime.url}/limits`)).json() as Promise<LimitCounts>;

/**
 * The mini-program of many residents at once: each call goes through the app's own callApi over
 * wx.cloud.callFunction, delivered to the runtime as that resident (named by the payload's
 * clientRequestId, or a `resident` field the test adds to reads). Every delivery is counted.
 */
function residentsApp(): { deliveries: () => number } {
  let deliveries = 0;
  installWx({
    functions: async (functionName: string, event: CloudEvent) => {
      deliveries += 1;
      const payload = event.payload as { clientRequestId?: string };
      const openid = `rush-${payload.clientRequestId ?? 'reader'}`;
      const res = await fetch(`${t.runtime.url}/fn/${functionName}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
        body: JSON.stringify(event),
      });
      return res.json();
    },
  });
  useBackend('cloud');
  return { deliveries: () => deliveries };
}

describe('over the plan, the runtime answers as CloudBase does', () => {
  test('database requests over LXQ_DB_QPS are refused with EXCEED_RATELIMIT, which the SDK throws as its code', async () => {
    t.runtime.gate.apply({ databaseQps: 5 });
    const db = tcb.init({ env: t.runtime.config.envId }).database();
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () =>
        db
          .collection(COLLECTIONS.stations)
          .where({ _id: 'st-beishan' })
          .get()
          .then(
            () => 'answered',
            (error: { code?: string }) => error.code,
          ),
      ),
    );
    expect(new Set(outcomes)).toEqual(new Set(['answered', 'EXCEED_RATELIMIT']));
    const { databaseAdmitted, databaseRefused } = await counts();
    expect(databaseRefused).toBe(outcomes.filter((o) => o === 'EXCEED_RATELIMIT').length);
    expect(databaseAdmitted).toBe(outcomes.filter((o) => o === 'answered').length);
  });

  test('an action whose database request is refused answers COMMON.BUSY in Chinese, not an internal error', async () => {
    t.runtime.gate.apply({ databaseQps: 1 });
    const answers = await Promise.all(Array.from({ length: 6 }, () => t.call('directory.getStation', { stationId: 'st-beishan' })));
    const refused = answers.filter((a) => !a.ok);
    expect(refused.length).toBeGreaterThan(0);
    for (const answer of refused) expect(answer).toEqual({ ok: false, code: 'COMMON.BUSY', message: '现在使用的人较多，请稍等几秒再试' });
  });

  test('calls over LXQ_FN_CONCURRENCY are not run and fail as wx.cloud.callFunction fails: errCode -501004', async () => {
    t.runtime.gate.apply({ functionConcurrency: 1 });
    const answers = await Promise.all(Array.from({ length: 6 }, () => t.raw('directory', { action: 'directory.getStation', payload: { stationId: 'st-beishan' } })));
    const refused = answers.filter((a) => a.status !== 200);
    expect(refused.length).toBeGreaterThan(0);
    for (const answer of refused) {
      expect(answer.status).toBe(429);
      expect(answer.body).toMatchObject({ errCode: -501004, errMsg: expect.stringContaining('-501004') });
      expect(answer.databaseRequests).toBeNaN();
    }
  });

  test('a call that outlasts LXQ_FN_TIMEOUT_MS is answered errCode -504003 while it runs on, as on CloudBase', async () => {
    // No action here is slow enough for any real timeout: the smallest one makes every call outlast it.
    t.runtime.gate.apply({ functionTimeoutMs: 1 });
    const { status, body } = await t.raw('directory', { action: 'directory.listAreas', payload: {} });
    expect(status).toBe(429);
    expect(body).toMatchObject({ errCode: -504003, errMsg: expect.stringContaining('Invoking task timed out') });
    expect((await counts()).functionsTimedOut).toBe(1);
  });
});

describe('the mini-program tries again what is safe to try again', () => {
  beforeEach(() => jest.spyOn(console, 'warn').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  test('reads refused over the function concurrency are all answered in the end', async () => {
    const app = residentsApp();
    t.runtime.gate.apply({ functionConcurrency: 2 });
    const answers = await Promise.all(Array.from({ length: 8 }, () => callApi('directory.getStation', { stationId: 'st-beishan' })));
    expect(answers.map((a) => a.station._id)).toEqual(Array(8).fill('st-beishan'));
    const { functionsRefused } = await counts();
    expect(app.deliveries()).toBe(8 + functionsRefused);
  });

  test('a write that is not safe to repeat is sent once: refused over the limit, the resident is told to try again', async () => {
    const app = residentsApp();
    t.runtime.gate.apply({ databaseQps: 1 });
    // Spend the second's one request, so the write is refused on its way.
    await t.call('directory.listAreas', {});
    const outcome = await callApi('account.updatePreferences', { fontScale: 'large' }).then(
      () => 'saved',
      (error: { code?: string; message?: string }) => `${error.code}: ${error.message}`,
    );
    expect(outcome).toBe('COMMON.BUSY: 现在使用的人较多，请稍等几秒再试');
    expect(app.deliveries()).toBe(1);
  });

  test('reception-day morning at three times the database limit: residents open the day and book at once; every seat is taken exactly once, and every resident gets an answer', async () => {
    const app = residentsApp();
    const day = await addTestDay(t, { date: daysFromToday(t, 45), seats: 4 });
    const residents = 12;
    // About 7 database requests a resident (open the station's days, open the day, book): some 84
    // requests at once, against a limit of 30 a second.
    t.runtime.gate.apply({ databaseQps: 30 });
    const outcomes = await Promise.all(
      Array.from({ length: residents }, async (_, i) => {
        const payload = bookingPayload(day, { clientRequestId: `morning-${i}` });
        try {
          await callApi('booking.listDays', { stationId: 'st-beishan' });
          await callApi('booking.getDay', { dayId: day._id });
          await callApi('booking.book', payload);
          return 'booked';
        } catch (error) {
          return (error as { code?: string }).code ?? 'unknown';
        }
      }),
    );
    const { databaseRefused } = await counts();
    t.runtime.gate.apply({});
    expect(databaseRefused).toBeGreaterThan(0);
    // Refusals were retried by the app: more deliveries than calls made.
    expect(app.deliveries()).toBeGreaterThan(residents * 3);

    const tally: Record<string, number> = {};
    for (const outcome of outcomes) tally[outcome] = (tally[outcome] ?? 0) + 1;
    expect(tally.booked).toBe(4);
    expect(tally['BOOKING.FULL']).toBe(residents - 4);
    expect(await seatsLeft(t, day._id)).toEqual([0]);
    const { data: held } = await database(t).collection(COLLECTIONS.bookings).where({ dayId: day._id, status: 'booked' }).limit(100).get();
    expect(held).toHaveLength(4);
    expect(ok(await t.call('booking.getDay', { dayId: day._id })).day.slots[0]).toMatchObject({ seatsLeft: 0 });
  });
});
