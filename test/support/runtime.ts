import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActionName, PayloadOf, ResultOf } from '../../miniprogram/shared/contract';
import type { ApiResponse } from '../../miniprogram/shared/errors';
import { seedIfEmpty } from '../../runtime/seed';
import { DB_REQUESTS_HEADER, startRuntime, type RunningRuntime } from '../../runtime/server';

export interface CallOptions {
  /** The caller's WeChat identity, sent the way local callers send it. */
  openid?: string;
}

export interface TestRuntime {
  runtime: RunningRuntime;
  /** Calls an action exactly as the mini-program's local transport does: POST /fn/<name>. */
  call<A extends ActionName>(action: A, payload: PayloadOf<A>, options?: CallOptions): Promise<ApiResponse<ResultOf<A>>>;
  /** The same, with any event body (hostile or malformed input), and the database request count. */
  raw(fn: string, event: unknown, options?: CallOptions): Promise<{ status: number; body: unknown; databaseRequests: number }>;
  stop(): Promise<void>;
}

/** A fresh local runtime on a free port and a throwaway data folder, seeded with the demo data. */
export async function startTestRuntime(options: { seed?: boolean; now?: Date } = {}): Promise<TestRuntime> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lxq-test-'));
  const runtime = await startRuntime({ port: 0, dataDir });
  if (options.seed !== false) await seedIfEmpty(runtime.config.envId, options.now);

  const raw: TestRuntime['raw'] = async (fn, event, callOptions = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (callOptions.openid) headers['x-wx-openid'] = callOptions.openid;
    const res = await fetch(`${runtime.url}/fn/${fn}`, { method: 'POST', headers, body: JSON.stringify(event) });
    return { status: res.status, body: await res.json(), databaseRequests: Number(res.headers.get(DB_REQUESTS_HEADER) ?? NaN) };
  };

  return {
    runtime,
    raw,
    async call(action, payload, callOptions) {
      const fn = action.slice(0, action.indexOf('.'));
      const { body } = await raw(fn, { action, payload }, callOptions);
      return body as ApiResponse<ResultOf<typeof action>>;
    },
    async stop() {
      await runtime.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Unwraps a successful answer, failing the test with the refusal otherwise. */
export function ok<T>(response: ApiResponse<T>): T {
  if (!response.ok) throw new Error(`expected success, got ${response.code}: ${response.message}`);
  return response.data;
}
