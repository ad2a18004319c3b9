/**
 * A real local runtime (test/support/runtime.ts: demo data, a free port, a throwaway folder)
 * for page tests. It runs in a child process: pages render under jsdom, whose globals are a
 * browser's, while the runtime needs Node's (structuredClone, the Node builds of bson and the
 * SDK). Pages reach it the way the app does, through `localRuntimeFunctions(runtime.url)`.
 *
 * Its clock starts at the instant the test names (ORDINARY_MORNING by default) and runs on; the
 * pages opened afterwards read a clock in step with it (see `pageClock`).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { runtimeClock, type RuntimeClock } from '../../../runtime/clock';
import { ORDINARY_MORNING } from '../../support/instants';
import { registerRuntimeToken } from '../../support/runtimeAccess';

export interface PageRuntime {
  url: string;
  /** In step with the runtime's clock: what "now" is for the back end and the pages. */
  clock: RuntimeClock;
  stop(): Promise<void>;
}

let current: RuntimeClock | undefined;

/** The clock pages read: that of the page runtime started last, or one at ORDINARY_MORNING. */
export function pageClock(): RuntimeClock {
  current ??= runtimeClock({ at: ORDINARY_MORNING });
  return current;
}

export async function startPageRuntime(options: { at?: Date } = {}): Promise<PageRuntime> {
  const at = options.at ?? ORDINARY_MORNING;
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'runtime-process.ts')], {
    cwd: path.resolve(__dirname, '../../..'),
    env: { ...process.env, LXQ_TEST_AT: at.toISOString() },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const firstLine = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the local runtime exited with ${String(code)} before it was ready`)));
  });
  const { url, token, now } = JSON.parse(firstLine) as { url: string; token: string; now: string };
  registerRuntimeToken(url, token);
  current = runtimeClock({ at: new Date(now) });
  return {
    url,
    clock: current,
    async stop() {
      // Closing its stdin tells it to stop; it also stops that way if this test process dies.
      child.stdin.end();
      await exited;
    },
  };
}

/**
 * A page runtime for the test file that calls it (at the instant named, ORDINARY_MORNING by
 * default): started before its tests, stopped after them. Its url and clock are there from the
 * file's hooks (declared after this call) and tests on.
 */
export function usePageRuntime(options: { at?: Date } = {}): PageRuntime {
  let started: PageRuntime | undefined;
  beforeAll(async () => {
    started = await startPageRuntime(options);
  });
  afterAll(async () => started?.stop());
  const current = (): PageRuntime => {
    if (!started) throw new Error('the page runtime starts in the test file’s beforeAll');
    return started;
  };
  return {
    get url() {
      return current().url;
    },
    get clock() {
      return current().clock;
    },
    stop: () => current().stop(),
  };
}
