import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * kill -9 in the middle of a write storm: the local runtime (npm start's entry, a real process) is
 * killed while residents save preferences and submit opinions through the functions; started again
 * on the same data folder it loads without repair, and every write it acknowledged is there.
 */
const ROOT = resolve(__dirname, '..', '..');
const FONT_SCALES = ['standard', 'large', 'extraLarge'] as const;

jest.setTimeout(120_000);

const dataDir = mkdtempSync(join(tmpdir(), 'lxq-crash-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function start(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'runtime', 'main.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr!.resume();
  const url = await new Promise<string>((done, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const match = /listening on (http:\/\/\S+)/.exec(line);
      if (match?.[1]) done(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`runtime exited with ${String(code)} before listening`)));
  });
  return { child, url };
}

interface Answer {
  ok: boolean;
  data?: { opinionId?: string };
  code?: string;
}

async function call(url: string, openid: string, action: string, payload: unknown): Promise<Answer> {
  const res = await fetch(`${url}/fn/${action.split('.')[0]}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
    body: JSON.stringify({ action, payload }),
  });
  return (await res.json()) as Answer;
}

interface Acknowledged {
  preferences: Map<string, string>;
  opinions: Map<string, string>;
}

/** Writers in parallel until the process dies under them; only answers that arrived count. */
async function storm(url: string, round: number, acked: Acknowledged, killAfter: number, child: ChildProcess): Promise<void> {
  let writes = 0;
  const writer = async (lane: number) => {
    for (let i = 0; ; i += 1) {
      const resident = `crash-${round}-${lane}-${i}`;
      const fontScale = FONT_SCALES[(lane + i) % FONT_SCALES.length]!;
      try {
        const saved = await call(url, resident, 'account.updatePreferences', { fontScale });
        if (saved.ok) acked.preferences.set(resident, fontScale);
        const submitted = await call(url, resident, 'opinion.submit', {
          clientRequestId: `crash-${round}-${lane}-${i}`,
          target: { stationId: 'st-nanhu' },
          category: 'other',
          text: `压力测试第${round}轮第${lane}路第${i}条意见，内容足够长。`,
        });
        if (submitted.ok && submitted.data?.opinionId) acked.opinions.set(resident, submitted.data.opinionId);
      } catch {
        return; // the process is gone: this answer never arrived
      }
      writes += 2;
      if (writes >= killAfter && child.exitCode === null && !child.killed) child.kill('SIGKILL');
    }
  };
  await Promise.all(Array.from({ length: 8 }, (_, lane) => writer(lane)));
}

test('every acknowledged write survives kill -9, twice, and the store loads without repair', async () => {
  const acked: Acknowledged = { preferences: new Map(), opinions: new Map() };
  for (const round of [1, 2]) {
    const { child, url } = await start();
    const exited = new Promise((done) => child.once('exit', done));
    await storm(url, round, acked, 300, child);
    await exited;
  }
  expect(acked.preferences.size).toBeGreaterThan(100);
  expect(acked.opinions.size).toBeGreaterThan(50);

  const { child, url } = await start();
  try {
    for (const [resident, fontScale] of acked.preferences) {
      expect({ resident, profile: await call(url, resident, 'account.getProfile', {}) }).toMatchObject({ resident, profile: { ok: true, data: { preferences: { fontScale } } } });
    }
    for (const [resident, opinionId] of acked.opinions) {
      expect({ resident, opinion: await call(url, resident, 'opinion.getMine', { opinionId }) }).toMatchObject({ resident, opinion: { ok: true, data: { opinionId } } });
    }
    // And it still takes writes.
    expect(await call(url, 'crash-after', 'account.updatePreferences', { fontScale: 'standard' })).toMatchObject({ ok: true });
  } finally {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
  }
});
