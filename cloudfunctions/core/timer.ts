import tcb from '@cloudbase/node-sdk';
import { COLLECTIONS } from '../../infra/database';
import { shanghaiDate, shanghaiHour } from '../../miniprogram/shared/domain/time';
import { messageFor } from '../../miniprogram/shared/errors';
import { timerInstant } from './clock';
import { database, type Database } from './cloud';
import { isDuplicateWrite } from './databaseErrors';
import { callContext, type CallContext, type Main } from './handler';

/** What CloudBase passes as the event when a timer trigger fires. */
export interface TimerEvent {
  Type: 'Timer';
  TriggerName: string;
  Time?: string;
  Message?: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Any caller identity in the invocation context: a WeChat user, a web user, a custom login. */
function hasCaller(context: unknown): boolean {
  if (!isObject(context) || (!('environment' in context) && !('environ' in context))) return false;
  const env = tcb.getCloudbaseContext(context as unknown as Parameters<typeof tcb.getCloudbaseContext>[0]);
  return [env.WX_OPENID, env.TCB_UUID, env.TCB_CUSTOM_USER_ID].some((id) => typeof id === 'string' && id !== '');
}

/**
 * Whether this invocation is the named timer trigger firing. A timer event carries no caller;
 * the same body sent by a user (who always has an identity in the context) is not one, and goes
 * to the API router, which knows no such action.
 */
export function isTimerFiring(event: unknown, context: unknown, triggerName: string): event is TimerEvent {
  return isObject(event) && event.Type === 'Timer' && event.TriggerName === triggerName && !hasCaller(context);
}

/** A timer's work: it runs at `ctx.now`, the instant the firing is for, with no caller. */
export type TimerJob = (ctx: CallContext) => Promise<object>;

/**
 * A cloud function's entry point with a timer: the named trigger's firings run `job`, everything
 * else goes to the API router. The job's report is logged and answered; a failure is logged and
 * answered as COMMON.INTERNAL, and the next firing tries again.
 */
export function withTimer(name: string, api: Main, triggerName: string, job: TimerJob): Main {
  return async function main(event, context) {
    if (!isTimerFiring(event, context, triggerName)) return api(event, context);
    const now = timerInstant(event, context);
    try {
      const report = await job(callContext(null, database(), now));
      console.log(`[${name}] ${triggerName} at ${now.toISOString()}`, JSON.stringify(report));
      return { ok: true, data: report };
    } catch (error) {
      console.error(`[${name}] ${triggerName} at ${now.toISOString()} failed`, error);
      return { ok: false, code: 'COMMON.INTERNAL', message: messageFor('COMMON.INTERNAL') };
    }
  };
}

/** A timer's claim on one Shanghai day's run, as stored in `job_runs`. */
export interface JobRunDocument {
  _id: string;
  job: string;
  date: string;
  startedAt: Date;
  finishedAt?: Date;
  report?: object;
}

/**
 * Runs `work` once per Shanghai day, at the first firing at or after `fromHour` o'clock in Shanghai,
 * however often the trigger fires and in whatever zone its cron is read. A firing that finds the day
 * claimed does nothing; a run that fails gives its claim back, so the next firing tries again. A day
 * the trigger never fired at all is caught up by the next day's run, which is why `work` asks about
 * what is due by date ("tomorrow and earlier"), never about "since the last run".
 * Answers the work's report, or null when there was nothing to do.
 */
export async function oncePerDay<R extends object>(db: Database, job: string, now: Date, fromHour: number, work: (date: string) => Promise<R>): Promise<R | null> {
  if (shanghaiHour(now) < fromHour) return null;
  const date = shanghaiDate(now);
  const runs = db.collection(COLLECTIONS.jobRuns);
  const _id = `${job}:${date}`;
  try {
    await runs.add({ _id, job, date, startedAt: now });
  } catch (error) {
    if (isDuplicateWrite(error)) return null;
    throw error;
  }
  try {
    const report = await work(date);
    await runs.doc(_id).update({ finishedAt: now, report });
    return report;
  } catch (error) {
    await runs.doc(_id).remove();
    throw error;
  }
}
