import { API, type ActionName, type FunctionOf, type ParsedPayloadOf, type ResultOf } from '../../miniprogram/shared/contract';
import type { WorkingCalendar } from '../../miniprogram/shared/domain/holidays';
import { messageFor, type ApiResponse } from '../../miniprogram/shared/errors';
import { invocationInstant } from './clock';
import { database, openidFromContext, type Database } from './cloud';
import { isDiskFull, isOverPlanLimit } from './databaseErrors';
import { isDeployProbe, runDeployProbe } from './deployProbe';
import { httpAnswer, isHttpAccessEvent, unwrapHttpRequest, type HttpAccessEvent, type HttpAnswer, type HttpExchange } from './consoleAccess';
import { AppError } from './errors';
import { isOversizePayload } from './payloadSize';
import { rateLimitScale, takeTurn } from './rateLimit';
import { RATE_GROUPS, rateGroupOf, rateLimitedMessage, type RateGroup, type RateGroupName } from '../../miniprogram/shared/rateLimits';
import { PersonalDataDoor } from './personalData';
import { fieldErrors } from './validation';
import { loadWorkingCalendar } from './workingCalendar';

/** What a use case gets besides its payload: who calls, the database, the time and the calendar. */
export interface CallContext {
  /** The caller's OPENID from the platform context; null when the call carries none. */
  openid: string | null;
  db: Database;
  /** The instant of this invocation: every "now" of the use case is this one. */
  now: Date;
  /** The holiday calendar in force, read once per invocation when first asked (one database request). */
  calendar(): Promise<WorkingCalendar>;
  /** How the call came: from the mini-program (WeChat identity) or from the staff console (HTTP access, its session). */
  channel: 'wechat' | 'console';
  /** The HTTP request, for calls from the staff console. */
  http?: HttpExchange;
  /**
   * Takes the caller's turn in a rate-limit group, or refuses with the group's code and when to
   * try again. The router does it for every limited action; a use case whose group is checked by
   * the action calls it itself once it knows the call is not a retry.
   */
  takeTurn(group: RateGroupName): Promise<void>;
}

/** A call context for an invocation at `now`. */
export function callContext(openid: string | null, db: Database, now: Date, http?: HttpExchange, rateScale = 1): CallContext {
  let calendar: Promise<WorkingCalendar> | undefined;
  // Who is counted: the WeChat or console identity; a console call without a session by its address.
  const caller = openid ?? (http ? `ip:${http.sourceIp || 'unknown'}` : null);
  return {
    openid,
    db,
    now,
    async takeTurn(group) {
      if (caller === null) return;
      const turn = await takeTurn(db, group, caller, now, rateScale);
      if (turn.admitted) return;
      const spec: RateGroup = RATE_GROUPS[group];
      throw new AppError(spec.code ?? 'COMMON.RATE_LIMITED', undefined, rateLimitedMessage(group, turn.retryAfterMs));
    },
    channel: http ? 'console' : 'wechat',
    ...(http ? { http } : {}),
    calendar: () => {
      calendar ??= loadWorkingCalendar(db);
      return calendar;
    },
  };
}

export type Handler<A extends ActionName> = (payload: ParsedPayloadOf<A>, ctx: CallContext) => Promise<ResultOf<A>>;

/** The handlers of one cloud function: exactly the actions the contract assigns to it. */
export type HandlersOf<F extends string> = {
  [A in ActionName as FunctionOf<A> extends F ? A : never]: Handler<A>;
};

/** A function's entry point: an API answer, or for HTTP access its integration response. */
export type Main = (event: unknown, context: unknown) => Promise<ApiResponse<unknown> | HttpAnswer>;

function refuse(error: AppError): ApiResponse<never> {
  const response: ApiResponse<never> = { ok: false, code: error.code, message: error.userMessage ?? messageFor(error.code) };
  if (error.fields) response.fields = error.fields;
  return response;
}

/**
 * Builds a cloud function's entry point: a thin router that checks the action belongs to
 * this function, validates the payload against the contract, runs the use case and turns
 * every outcome into `{ ok, data }` or `{ ok: false, code, message }`. Identity comes only
 * from the invocation context (WeChat's OPENID) or, for the staff console reaching the function
 * through HTTP access, from its session cookie (core/consoleAccess.ts); never from the event.
 */
export function createFunction<F extends string>(name: F, handlers: HandlersOf<F>): Main {
  const table = handlers as unknown as Record<string, Handler<ActionName> | undefined>;

  async function dispatch(event: unknown, openid: string | null, now: Date, rateScale: number, http?: HttpExchange): Promise<ApiResponse<unknown>> {
    const action = typeof event === 'object' && event !== null ? (event as { action?: unknown }).action : undefined;
    const handler = typeof action === 'string' && Object.prototype.hasOwnProperty.call(table, action) ? table[action] : undefined;
    if (!handler) return refuse(new AppError('COMMON.UNKNOWN_ACTION'));

    const payload = (event as { payload?: unknown }).payload ?? {};
    // Sizes first: no schema, trim or regex runs over a body no legitimate form can produce.
    if (isOversizePayload(payload)) return refuse(new AppError('COMMON.TOO_LARGE'));
    const spec = API[action as ActionName];
    let parsed: ReturnType<typeof spec.payload.safeParse>;
    try {
      parsed = spec.payload.safeParse(payload);
    } catch (error) {
      // A refinement that throws on malformed input (an impossible date) is still malformed input.
      console.error(`[${name}] ${String(action)} payload check threw`, error);
      return refuse(new AppError('COMMON.INVALID_INPUT'));
    }
    if (!parsed.success) return refuse(new AppError('COMMON.INVALID_INPUT', fieldErrors(parsed.error)));

    // Every read of the use case passes the personal-data door; what the answer shows of others is audited before it leaves.
    const door = new PersonalDataDoor(database(), openid);
    const ctx = callContext(openid, door.db, now, http, rateScale);
    const group = rateGroupOf(action as ActionName);
    try {
      if (group && (RATE_GROUPS[group] as RateGroup).checkedBy !== 'action') await ctx.takeTurn(group);
      const data = await handler(parsed.data as never, ctx);
      await door.commit(String(action), data, now);
      return { ok: true, data };
    } catch (error) {
      if (error instanceof AppError) return refuse(error);
      if (isOverPlanLimit(error)) {
        console.warn(`[${name}] ${String(action)} refused: the database is over the plan's request limit`);
        return refuse(new AppError('COMMON.BUSY'));
      }
      if (isDiskFull(error)) {
        console.error(`[${name}] ${String(action)} refused: the database disk is full`);
        return refuse(new AppError('COMMON.STORAGE_FULL'));
      }
      console.error(`[${name}] ${String(action)} failed`, error);
      return refuse(new AppError('COMMON.INTERNAL'));
    }
  }

  /** A call from the staff console through HTTP access: the identity is its session's, never the event's. */
  async function answerHttp(event: HttpAccessEvent, context: unknown): Promise<HttpAnswer> {
    const now = invocationInstant(context);
    const unwrapped = await unwrapHttpRequest(event, database(), now);
    if ('status' in unwrapped) return httpAnswer(unwrapped.status, refuse(new AppError(unwrapped.code)));
    const { exchange } = unwrapped;
    const response = await dispatch(unwrapped.event, exchange.session?.openid ?? null, now, rateLimitScale(context), exchange);
    return httpAnswer(200, response, exchange.setCookie);
  }

  return async function main(event, context) {
    if (isDeployProbe(event) && openidFromContext(context) === null) return { ok: true, data: await runDeployProbe(event) };
    const openid = openidFromContext(context);
    // HTTP access carries no WeChat identity; a mini-program call shaped like an HTTP request stays a mini-program call.
    if (openid === null && isHttpAccessEvent(event)) return answerHttp(event, context);
    return dispatch(event, openid, invocationInstant(context), rateLimitScale(context));
  };
}
