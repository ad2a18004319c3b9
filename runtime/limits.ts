/**
 * A CloudBase plan's limits, simulated by the local runtime so that what happens over them can be
 * seen before the cloud shows it (issue 18). Off unless set:
 * - LXQ_DB_QPS: database requests a second for the environment (basic plan: 30). Over it, the
 *   request is answered `{ code: 'EXCEED_RATELIMIT' }`, CloudBase's "request frequency exceeds the
 *   plan's resource limit", which @cloudbase/node-sdk throws to the function as `{ code }`.
 * - LXQ_DB_CONNECTIONS: database requests in progress at once (basic plan: 20 connections); over
 *   it, the same answer.
 * - LXQ_FN_CONCURRENCY: invocations of one function running at once (basic plan: 20). Over it the
 *   call is not run and is answered as wx.cloud.callFunction fails: errCode -501004, "the number of
 *   concurrent requests exceeds the environment quota".
 * - LXQ_FN_TIMEOUT_MS: how long an invocation may run (CloudBase's default: 3 s). Past it the caller
 *   is answered errCode -504003 ("Invoking task timed out"); the invocation itself runs on here,
 *   where CloudBase would stop its instance, so what it wrote before that stays written in both.
 * Time here is elapsed real time (a request rate is per real second), not the runtime's clock, which
 * tests and demos move and freeze.
 */
export interface PlanLimits {
  databaseQps?: number;
  databaseConnections?: number;
  functionConcurrency?: number;
  functionTimeoutMs?: number;
}

/** What the platform answers a refused or timed-out function call with (the mini-program's fail callback). */
export interface PlatformRefusal {
  errCode: number;
  errMsg: string;
}

/** The database's refusal over the plan, as the SDK receives it. */
export interface DatabaseRefusal {
  code: 'EXCEED_RATELIMIT';
  message: string;
}

export const FUNCTION_CONCURRENCY_EXCEEDED = -501004;
export const FUNCTION_TIMED_OUT = -504003;

/** How many calls the limits let through and refused since they were applied (GET /limits). */
export interface LimitCounts {
  limits: PlanLimits;
  databaseAdmitted: number;
  databaseRefused: number;
  functionsAdmitted: number;
  functionsRefused: number;
  functionsTimedOut: number;
}

function positive(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const text = env[name];
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1, got ${text}`);
  return value;
}

export function planLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): PlanLimits {
  const limits: PlanLimits = {};
  const qps = positive(env, 'LXQ_DB_QPS');
  const connections = positive(env, 'LXQ_DB_CONNECTIONS');
  const concurrency = positive(env, 'LXQ_FN_CONCURRENCY');
  const timeout = positive(env, 'LXQ_FN_TIMEOUT_MS');
  if (qps !== undefined) limits.databaseQps = qps;
  if (connections !== undefined) limits.databaseConnections = connections;
  if (concurrency !== undefined) limits.functionConcurrency = concurrency;
  if (timeout !== undefined) limits.functionTimeoutMs = timeout;
  return limits;
}

const WINDOW_MS = 1000;

/** A slot's release that frees it once, however often it is called (an answer and an error may both release). */
function releasedOnce(free: () => void): { release: () => void } {
  let released = false;
  return {
    release: () => {
      if (released) return;
      released = true;
      free();
    },
  };
}

export class PlanGate {
  /** When each database request of the last second was admitted, oldest first. */
  private readonly admittedAt: number[] = [];
  private databaseInFlight = 0;
  private readonly running = new Map<string, number>();
  private readonly counts: Omit<LimitCounts, 'limits'> = { databaseAdmitted: 0, databaseRefused: 0, functionsAdmitted: 0, functionsRefused: 0, functionsTimedOut: 0 };

  constructor(
    private limits: PlanLimits,
    private readonly elapsedMs: () => number = () => performance.now(),
  ) {}

  /** Enforces these limits from now on (the runtime seeds its demo data before it enforces any). */
  apply(limits: PlanLimits): void {
    this.limits = limits;
    this.admittedAt.length = 0;
    for (const key of Object.keys(this.counts) as Array<keyof typeof this.counts>) this.counts[key] = 0;
  }

  /** Admits one database request (call `release` when it is answered), or says why not. */
  admitDatabase(): { release: () => void } | { refusal: DatabaseRefusal } {
    const { databaseQps, databaseConnections } = this.limits;
    if (databaseQps !== undefined) {
      const now = this.elapsedMs();
      while (this.admittedAt.length > 0 && (this.admittedAt[0] as number) <= now - WINDOW_MS) this.admittedAt.shift();
      if (this.admittedAt.length >= databaseQps) return this.refuseDatabase(`[EXCEED_RATELIMIT] 数据库请求频率超过套餐限制（每秒 ${databaseQps} 次），请稍后重试`);
      this.admittedAt.push(now);
    }
    if (databaseConnections !== undefined && this.databaseInFlight >= databaseConnections) {
      return this.refuseDatabase(`[EXCEED_RATELIMIT] 数据库同时连接数超过套餐限制（${databaseConnections}），请稍后重试`);
    }
    this.databaseInFlight += 1;
    this.counts.databaseAdmitted += 1;
    return releasedOnce(() => {
      this.databaseInFlight -= 1;
    });
  }

  private refuseDatabase(message: string): { refusal: DatabaseRefusal } {
    this.counts.databaseRefused += 1;
    return { refusal: { code: 'EXCEED_RATELIMIT', message } };
  }

  /** Admits one invocation of `name` (call `release` when it ends), or answers the platform's refusal. */
  admitFunction(name: string): { release: () => void } | { refusal: PlatformRefusal } {
    const limit = this.limits.functionConcurrency;
    const running = this.running.get(name) ?? 0;
    if (limit !== undefined && running >= limit) {
      this.counts.functionsRefused += 1;
      return {
        refusal: {
          errCode: FUNCTION_CONCURRENCY_EXCEEDED,
          errMsg: `cloud.callFunction:fail Error: errCode: ${FUNCTION_CONCURRENCY_EXCEEDED} | errMsg: 云函数 ${name} 的并发数超过环境配额（${limit}）`,
        },
      };
    }
    this.running.set(name, running + 1);
    this.counts.functionsAdmitted += 1;
    return releasedOnce(() => {
      this.running.set(name, (this.running.get(name) ?? 1) - 1);
    });
  }

  /**
   * `invocation`'s outcome, or the platform's timeout answer once the plan's timeout passes first.
   * The invocation is not stopped (see the module comment); its slot stays taken until it ends.
   */
  async withinTimeout<T>(name: string, invocation: Promise<T>): Promise<{ value: T } | { refusal: PlatformRefusal }> {
    const timeoutMs = this.limits.functionTimeoutMs;
    if (timeoutMs === undefined) return { value: await invocation };
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<{ refusal: PlatformRefusal }>((resolve) => {
      timer = setTimeout(() => {
        this.counts.functionsTimedOut += 1;
        resolve({
          refusal: {
            errCode: FUNCTION_TIMED_OUT,
            errMsg: `cloud.callFunction:fail Error: errCode: ${FUNCTION_TIMED_OUT} | errMsg: Invoking task timed out after ${timeoutMs / 1000} seconds (云函数 ${name})`,
          },
        });
      }, timeoutMs);
    });
    try {
      return await Promise.race([invocation.then((value) => ({ value })), timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }

  report(): LimitCounts {
    return { limits: this.limits, ...this.counts };
  }
}
