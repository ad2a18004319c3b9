/**
 * kill -9 in the middle of a write storm: every write the process acknowledged is there after a
 * restart, batches are whole or absent, and the store opens without any repair step.
 */
import { spawn } from 'node:child_process';
import { systemClock } from '../../../miniprogram/shared/domain/time';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { EJSON } from 'bson';
import { DATABASE } from '../../../infra/database';
import { openDatabase } from '../../../runtime/database';
import { makeDataDir } from './sdk-harness';

const REPO = join(__dirname, '../../..');
const ACKS_BEFORE_KILL = 600;

interface Acknowledged {
  singles: string[];
  batches: string[][];
  counter: number;
}

/** Runs the storm until ACKS_BEFORE_KILL acknowledgements, kills it with SIGKILL, returns what it acknowledged. */
function stormThenKill(dataDir: string): Promise<Acknowledged> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'fixtures/write-storm.ts'), dataDir], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const acknowledged: Acknowledged = { singles: [], batches: [], counter: 0 };
  let count = 0;
  createInterface({ input: child.stdout }).on('line', (line) => {
    const [kind, ...rest] = line.split(' ');
    if (kind === 'ack') acknowledged.singles.push(rest[0]);
    if (kind === 'batch') acknowledged.batches.push(rest);
    if (kind === 'counter') acknowledged.counter = Number(rest[0]);
    count += 1;
    if (count === ACKS_BEFORE_KILL) child.kill('SIGKILL');
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(acknowledged);
      else reject(new Error(`the storm ended by itself (signal ${String(signal)}), not by kill -9`));
    });
  });
}

async function storedAccounts(dataDir: string): Promise<Array<{ _id: string; n?: number }>> {
  const engine = await openDatabase({ dataDir, schema: DATABASE, clock: systemClock });
  try {
    const docs: Array<{ _id: string; n?: number }> = [];
    for (let offset = 0; ; offset += 1000) {
      const answer = await engine.handle({ action: 'database.getDocument', collectionName: 'accounts', offset, limit: 1000 });
      const list = (answer.data as { list: string[] }).list;
      docs.push(...list.map((text) => EJSON.parse(text) as { _id: string; n?: number }));
      if (list.length < 1000) return docs;
    }
  } finally {
    await engine.close();
  }
}

/** "batch-12-3" belongs to batch "batch-12". */
const batchOf = (id: string) => id.slice(0, id.lastIndexOf('-'));

test('every write acknowledged before kill -9 survives; the store opens as is', async () => {
  const dataDir = makeDataDir();
  try {
    const acknowledged = await stormThenKill(dataDir);
    expect(acknowledged.singles.length).toBeGreaterThan(100);

    const docs = await storedAccounts(dataDir);
    const stored = new Set(docs.map((doc) => doc._id));
    expect(acknowledged.singles.filter((id) => !stored.has(id))).toEqual([]);
    expect(acknowledged.batches.flat().filter((id) => !stored.has(id))).toEqual([]);

    const batchSizes = new Map<string, number>();
    for (const { _id } of docs.filter((doc) => doc._id.startsWith('batch-'))) {
      batchSizes.set(batchOf(_id), (batchSizes.get(batchOf(_id)) ?? 0) + 1);
    }
    expect([...batchSizes.values()].filter((size) => size !== 5)).toEqual([]);

    // The write after the last acknowledgement may have reached the log before the kill.
    const counter = docs.find((doc) => doc._id === 'counter')?.n;
    expect([acknowledged.counter, acknowledged.counter + 1]).toContain(counter);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
