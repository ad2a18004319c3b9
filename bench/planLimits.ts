/**
 * Reception-day morning on a basic plan (issue 18, item 6): the runtime enforces LXQ_DB_QPS=30 and
 * residents open the station's days, open the day and book, arriving at about three times what the
 * plan allows. Each resident's calls follow the mini-program's own retry rules
 * (miniprogram/shared/retries.ts: which failures, which actions, how long to wait), so the table says
 * how many calls succeeded at once, succeeded after retries, and failed, and that every seat went
 * exactly once.
 */
import { backoffMs, mayRetry, platformFailure, type CallFailure } from '../miniprogram/shared/retries';
import type { ActionName } from '../miniprogram/shared/contract';
import { RACE_STATION, raceDay } from './booking';

export const PLAN_QPS = 30;
const RESIDENTS = 60;
const SEATS = 20;
/** Residents arriving each second: about seven database requests each, some 3 × PLAN_QPS a second. */
const ARRIVALS_PER_SECOND = 13;

export const PLAN_LIMIT_HEADERS = [`reception-day morning at LXQ_DB_QPS=${PLAN_QPS}: ${RESIDENTS} residents, ${SEATS} seats`, 'value'];

interface Tally {
  firstTry: number;
  afterRetry: number;
  failed: Record<string, number>;
  attempts: number;
}

/** One call as the mini-program makes it: tried again when shared/retries.ts allows, after its pauses. */
async function call(url: string, action: ActionName, payload: unknown, openid: string, tally: Tally): Promise<{ ok: boolean; code?: string }> {
  const fn = action.slice(0, action.indexOf('.'));
  for (let attempt = 1; ; attempt += 1) {
    tally.attempts += 1;
    let failure: CallFailure | undefined;
    let code = 'NETWORK';
    try {
      const res = await fetch(`${url}/fn/${fn}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
        body: JSON.stringify({ action, payload }),
      });
      const body = (await res.json()) as { ok?: boolean; code?: string; errCode?: number; errMsg?: string };
      if (body.ok) {
        if (attempt === 1) tally.firstTry += 1;
        else tally.afterRetry += 1;
        return { ok: true };
      }
      if (typeof body.errCode === 'number') {
        failure = platformFailure(`${body.errMsg ?? ''} ${body.errCode}`);
        code = `errCode ${body.errCode}`;
      } else {
        code = body.code ?? 'no code';
        failure = code === 'COMMON.BUSY' ? 'busy' : undefined;
        // A refusal of the use case (the slot is full) is an answer, not a failure of the plan.
        if (failure === undefined) {
          if (attempt === 1) tally.firstTry += 1;
          else tally.afterRetry += 1;
          return { ok: false, code };
        }
      }
    } catch {
      failure = 'network';
    }
    if (!mayRetry(action, failure ?? 'busy', attempt) || failure === undefined) {
      tally.failed[code] = (tally.failed[code] ?? 0) + 1;
      return { ok: false, code };
    }
    if (failure !== 'network') await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt)));
  }
}

/**
 * Runs the morning against a runtime whose plan limits are already applied; `limitCounts` reads
 * what the runtime refused. Throws if a seat was given twice or left while residents were refused.
 */
export async function benchPlanLimits(url: string, limitCounts: () => Promise<{ databaseRefused: number; databaseAdmitted: number }>): Promise<Array<[string, string | number]>> {
  const { dayId, slotId } = await raceDay(url, SEATS, 130);
  const run = Date.now().toString(36);
  const tally: Tally = { firstTry: 0, afterRetry: 0, failed: {}, attempts: 0 };
  let booked = 0;
  let full = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: RESIDENTS }, async (_, i) => {
      await new Promise((resolve) => setTimeout(resolve, (i / ARRIVALS_PER_SECOND) * 1000));
      const openid = `bench-morning-${run}-${i}`;
      await call(url, 'booking.listDays', { stationId: RACE_STATION }, openid, tally);
      await call(url, 'booking.getDay', { dayId }, openid, tally);
      const payload = { dayId, slotId, topic: '压测：预约接待', name: '压测居民', phone: '13800000000', clientRequestId: `morning-${run}-${i}` };
      const answer = await call(url, 'booking.book', payload, openid, tally);
      if (answer.ok) booked += 1;
      else if (answer.code === 'BOOKING.FULL') full += 1;
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const { databaseRefused, databaseAdmitted } = await limitCounts();
  const failed = Object.values(tally.failed).reduce((sum, n) => sum + n, 0);
  if (booked > SEATS) throw new Error(`plan-limit morning granted ${booked} seats, more than ${SEATS}`);
  if (booked < SEATS && full > 0) throw new Error(`plan-limit morning told ${full} residents "full" with ${SEATS - booked} seats left`);
  return [
    ['calls answered at the first try', tally.firstTry],
    ['calls answered after retries', tally.afterRetry],
    ['calls failed (the resident saw an error)', failed],
    ...Object.entries(tally.failed).map(([code, count]): [string, number] => [`  failed ${code}`, count]),
    ['tries sent in all', tally.attempts],
    [`bookings granted (at most ${SEATS})`, booked],
    ['told the day is full', full],
    ['database requests admitted / refused (EXCEED_RATELIMIT)', `${databaseAdmitted} / ${databaseRefused}`],
    ['database requests offered a second', (databaseAdmitted + databaseRefused) / elapsed],
    ['morning took s', elapsed],
  ];
}
