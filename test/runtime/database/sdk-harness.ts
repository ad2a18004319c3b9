/**
 * The real @cloudbase/node-sdk pointed at the engine through a tiny HTTP server, as the local
 * runtime host does. Records every request body so tests can pin the wire.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { fixedClock } from '../../../miniprogram/shared/domain/time';
import { ORDINARY_MORNING } from '../../support/instants';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Tcb from '@cloudbase/node-sdk';
import type { CollectionSpec } from '../../../infra/database';
import { openDatabase, type DatabaseEngine } from '../../../runtime/database';
import '../../support/functionHostEnv';

export type Db = ReturnType<ReturnType<typeof Tcb.init>['database']>;

export interface Harness {
  db: Db;
  engine: DatabaseEngine;
  dataDir: string;
  /** Every request body the SDK sent, in order. */
  requests: Record<string, unknown>[];
  /** Closes the engine and reopens it on the same files (a restart). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

/** The server clock the harness's database reads for `db.serverDate()`. */
export const HARNESS_CLOCK = fixedClock(ORDINARY_MORNING);

export function makeDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'lxq-db-'));
}

export async function startHarness(schema: readonly CollectionSpec[]): Promise<Harness> {
  // Required, not imported: the environment above must be in place before the SDK loads.
  const tcb = require('@cloudbase/node-sdk') as typeof Tcb;
  const dataDir = makeDataDir();
  const requests: Record<string, unknown>[] = [];
  let engine = await openDatabase({ dataDir, schema, clock: HARNESS_CLOCK });

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      requests.push(body);
      void engine.handle(body).then((answer) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer));
      });
    });
  });
  const port = await listen(server);
  const app = tcb.init({
    env: 'local-test',
    serviceUrl: `http://127.0.0.1:${port}/admin`,
    secretId: 'x',
    secretKey: 'y',
  });

  const harness: Harness = {
    db: app.database(),
    engine,
    dataDir,
    requests,
    async restart() {
      await engine.close();
      engine = await openDatabase({ dataDir, schema, clock: HARNESS_CLOCK });
      harness.engine = engine;
    },
    async close() {
      await engine.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

/**
 * A harness for the suite: a fresh one for each test (`each`, the default) or one shared by the
 * file's tests (`all`), closed after. The answer stands for the current harness in hooks declared
 * after this call and in tests.
 */
export function useHarness(schema: readonly CollectionSpec[], per: 'each' | 'all' = 'each'): Harness {
  let started: Harness | undefined;
  const current = (): Harness => {
    if (!started) throw new Error('the harness starts in a hook: use it from a hook or a test');
    return started;
  };
  const [before, after] = per === 'each' ? [beforeEach, afterEach] : [beforeAll, afterAll];
  before(async () => {
    started = await startHarness(schema);
  });
  after(async () => {
    await started?.close();
    started = undefined;
  });
  return {
    get db() {
      return current().db;
    },
    get engine() {
      return current().engine;
    },
    get dataDir() {
      return current().dataDir;
    },
    get requests() {
      return current().requests;
    },
    restart: () => current().restart(),
    close: () => current().close(),
  };
}
