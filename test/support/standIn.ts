import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A stand-in for the runtime server, for the tests of one of its parts: `handle` answers every
 * request, and @cloudbase/node-sdk is pointed at its /admin (TCB_CONTEXT_CNFG). It listens before
 * the file's tests, which `started` tells its base URL, and closes after them.
 */
export function useStandInServer(handle: http.RequestListener, started: (baseUrl: string) => void): void {
  let server: http.Server | undefined;
  beforeAll(async () => {
    const listening = http.createServer(handle);
    server = listening;
    await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
    process.env.TCB_CONTEXT_CNFG = JSON.stringify({ URL: `${baseUrl}/admin` });
    started(baseUrl);
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });
}

/** A fresh temporary folder for each test (its name starts with `prefix`), given to `made` before the test and removed after it. */
export function useScratchDir(prefix: string, made: (dir: string) => void): void {
  let dir: string | undefined;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), prefix));
    made(dir);
  });
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
}
