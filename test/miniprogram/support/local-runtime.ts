/**
 * A real local runtime (test/support/runtime.ts: demo data, a free port, a throwaway folder)
 * for page tests. It runs in a child process: pages render under jsdom, whose globals are a
 * browser's, while the runtime needs Node's (structuredClone, the Node builds of bson and the
 * SDK). Pages reach it the way the app does, through `localRuntimeFunctions(runtime.url)`.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

export interface PageRuntime {
  url: string;
  stop(): Promise<void>;
}

export async function startPageRuntime(): Promise<PageRuntime> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'runtime-process.ts')], {
    cwd: path.resolve(__dirname, '../../..'),
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const firstLine = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the local runtime exited with ${String(code)} before it was ready`)));
  });
  const { url } = JSON.parse(firstLine) as { url: string };
  return {
    url,
    async stop() {
      // Closing its stdin tells it to stop; it also stops that way if this test process dies.
      child.stdin.end();
      await exited;
    },
  };
}
