import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActionName, PayloadOf, ResultOf } from '../../miniprogram/shared/contract';
import type { ApiResponse } from '../../miniprogram/shared/errors';
import { seedIfEmpty } from '../../runtime/seed';
import { DB_DOCUMENTS_HEADER, DB_REQUESTS_HEADER, startRuntime, type RunningRuntime } from '../../runtime/server';
import type { RuntimeClock } from '../../runtime/clock';
import type { PlanLimits } from '../../runtime/limits';
export { runtimeAdminUrl, runtimeOutbox, runtimeTokenHeader } from './runtimeAccess';
import { registerRuntimeToken, forgetRuntimeToken } from './runtimeAccess';
import { ORDINARY_MORNING } from './instants';
import { auditQueriesOf } from './unindexedQueries';

export interface CallOptions {
  /** The caller's WeChat identity, sent the way local callers send it. */
  openid?: string;
}

export interface TestRuntime {
  runtime: RunningRuntime;
  /** The runtime's clock: what the functions take as now. Set or advance it to move time. */
  clock: RuntimeClock;
  /** Calls an action exactly as the mini-program's local transport does: POST /fn/<name>. */
  call<A extends ActionName>(action: A, payload: PayloadOf<A>, options?: CallOptions): Promise<ApiResponse<ResultOf<A>>>;
  /** Fires a function's timer triggers at the runtime clock's instant, as CloudBase does; answers the first trigger's. */
  fireTimer(fn: string): Promise<{ body: unknown; databaseRequests: number }>;
  /** The same, with any event body (hostile or malformed input), the database request count and the documents the database answered with. */
  raw(fn: string, event: unknown, options?: CallOptions): Promise<{ status: number; body: unknown; databaseRequests: number; documentsRead: number }>;
  stop(): Promise<void>;
}

export interface TestRuntimeOptions {
  /** Seed the demo data (placed relative to `at`); true by default. */
  seed?: boolean;
  /** The instant the runtime's clock starts at: ORDINARY_MORNING unless the test names another. */
  at?: Date;
  /** Keep the clock still at `at` until the test moves it (for steps across midnight). */
  frozen?: boolean;
  /**
   * Rate limits as declared (`declared`, for tests about limits) or raised a hundredfold (the
   * default): tests that drive many calls from one caller are not about limits.
   */
  rateLimits?: 'declared' | 'raised';
  /** A CloudBase plan's limits to enforce once the demo is seeded (runtime/limits.ts); none by default. */
  planLimits?: PlanLimits;
}

/** How far tests that are not about rate limits raise them. */
export const RAISED_RATE_LIMITS = 100;

/**
 * A fresh local runtime on a free port and a throwaway data folder, seeded with the demo data,
 * running the functions' TypeScript source at the instant the test names.
 */
export async function startTestRuntime(options: TestRuntimeOptions = {}): Promise<TestRuntime> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lxq-test-'));
  const clock = { at: options.at ?? ORDINARY_MORNING, frozen: options.frozen ?? false };
  const rateLimitScale = options.rateLimits === 'declared' ? 1 : RAISED_RATE_LIMITS;
  const runtime = await startRuntime({ port: 0, dataDir, clock, functions: 'source', timers: false, rateLimitScale, limits: {} });
  auditQueriesOf(runtime.database);
  registerRuntimeToken(runtime.url, runtime.token);
  if (options.seed !== false) await seedIfEmpty(runtime.config.envId, runtime.clock.now());
  if (options.planLimits) runtime.gate.apply(options.planLimits);

  const raw: TestRuntime['raw'] = async (fn, event, callOptions = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (callOptions.openid) headers['x-wx-openid'] = callOptions.openid;
    const res = await fetch(`${runtime.url}/fn/${fn}`, { method: 'POST', headers, body: JSON.stringify(event) });
    return {
      status: res.status,
      body: await res.json(),
      databaseRequests: Number(res.headers.get(DB_REQUESTS_HEADER) ?? NaN),
      documentsRead: Number(res.headers.get(DB_DOCUMENTS_HEADER) ?? NaN),
    };
  };

  return {
    runtime,
    clock: runtime.clock,
    raw,
    async fireTimer(fn) {
      const res = await fetch(`${runtime.url}/timers/${fn}`, { method: 'POST' });
      const { results } = (await res.json()) as { results: Array<{ result: unknown; databaseRequests: number }> };
      const [first] = results;
      if (!first) throw new Error(`no timer fired for ${fn}`);
      return { body: first.result, databaseRequests: first.databaseRequests };
    },
    async call(action, payload, callOptions) {
      const fn = action.slice(0, action.indexOf('.'));
      const { body } = await raw(fn, { action, payload }, callOptions);
      return body as ApiResponse<ResultOf<typeof action>>;
    },
    async stop() {
      await runtime.stop();
      forgetRuntimeToken(runtime.url);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Unwraps a successful answer, failing the test with the refusal otherwise. */
export function ok<T>(response: ApiResponse<T>): T {
  if (!response.ok) throw new Error(`expected success, got ${response.code}: ${response.message}`);
  return response.data;
}

/**
 * Database requests a rate-limited action (every write, costly reads) spends on its caller's turn
 * (cloudfunctions/core/rateLimit.ts): one in a window already counting, three for the caller's
 * first call in the group or the first in a new window.
 */
export const RATE_TURN = 1;
export const FIRST_RATE_TURN = 3;

/**
 * One local runtime for the suite: started before its first test and stopped after its last. The
 * answer stands for that runtime in the suite's hooks and tests (hooks declared after this call run
 * once it has started); reading it while the file is being collected fails, as nothing runs yet.
 */
export function useTestRuntime(options: TestRuntimeOptions = {}): TestRuntime {
  let started: TestRuntime | undefined;
  const current = (): TestRuntime => {
    if (!started) throw new Error('the test runtime starts in beforeAll: use it from a hook or a test');
    return started;
  };
  beforeAll(async () => {
    started = await startTestRuntime(options);
  });
  afterAll(async () => started?.stop());
  return {
    get runtime() {
      return current().runtime;
    },
    get clock() {
      return current().clock;
    },
    call: (action, payload, callOptions) => current().call(action, payload, callOptions),
    fireTimer: (fn) => current().fireTimer(fn),
    raw: (fn, event, callOptions) => current().raw(fn, event, callOptions),
    stop: () => current().stop(),
  };
}

/** The one item of a list that must hold exactly one (the test fails otherwise): the message a step sent, say. */
export function onlyOne<T>(items: readonly T[]): T {
  expect(items).toHaveLength(1);
  return items[0] as T;
}

/** What a refused call answers: its stable code (the Chinese message is the action's to choose). */
export const refusedWith = (code: string) => expect.objectContaining({ ok: false, code });
