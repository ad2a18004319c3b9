import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { request } from 'node:http';
import { runtimeOutbox, runtimeTokenHeader, startTestRuntime, type TestRuntime } from '../support/runtime';

const ROOT = resolve(__dirname, '..', '..');

describe('runtime endpoints', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startTestRuntime({ seed: false });
  });
  afterAll(async () => t.stop());

  test('health answers with the environment id and an unflagged store', async () => {
    const res = await fetch(`${t.runtime.url}/health`);
    expect(await res.json()).toEqual({
      ok: true,
      envId: t.runtime.config.envId,
      store: expect.objectContaining({ flagged: false, damage: [], quarantined: [], compactionWaitingForSpace: [] }),
    });
  });

  test('an unknown function is 404 with a Chinese message', async () => {
    const answer = await t.raw('nosuchfunction', { action: 'x.y', payload: {} });
    expect(answer).toMatchObject({ status: 404, body: { code: 'FUNCTION_NOT_FOUND', message: '云函数 nosuchfunction 不存在' } });
  });

  test('a body that is not a JSON object is refused before any function runs', async () => {
    for (const body of ['not json', '[1,2]', '"text"']) {
      const res = await fetch(`${t.runtime.url}/fn/account`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'INVALID_PARAM' });
    }
  });

  test('a malformed identity header counts as no identity', async () => {
    const res = await fetch(`${t.runtime.url}/fn/account`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wx-openid': '{"$ne":null}' },
      body: JSON.stringify({ action: 'account.getProfile', payload: {} }),
    });
    expect(await res.json()).toMatchObject({ ok: false, code: 'AUTH.REQUIRED' });
  });

  test('the outbox lists subscribe messages (empty at first)', async () => {
    expect(await runtimeOutbox(t.runtime.url)).toEqual([]);
  });

  test('the SDK protocol endpoint refuses an action it does not serve', async () => {
    const res = await fetch(`${t.runtime.url}/admin`, { method: 'POST', headers: runtimeTokenHeader(t.runtime.url), body: JSON.stringify({ action: 'functions.unknownThing' }) });
    expect(await res.json()).toMatchObject({ code: 'INVALID_ACTION' });
  });

  describe('what a web page elsewhere cannot do with the runtime', () => {
    test('it listens on loopback only, unless told otherwise', () => {
      expect(t.runtime.config.host).toBe('127.0.0.1');
      expect(new URL(t.runtime.url).hostname).toBe('127.0.0.1');
    });

    test('/admin and /outbox need the token printed at start', async () => {
      const admin = await fetch(`${t.runtime.url}/admin`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'database.getDocument', collectionName: 'accounts' }),
      });
      expect(admin.status).toBe(401);
      expect((await fetch(`${t.runtime.url}/outbox`)).status).toBe(401);
      expect((await fetch(`${t.runtime.url}/outbox`, { headers: { 'x-lxq-runtime-token': 'guessed' } })).status).toBe(401);
      expect((await fetch(`${t.runtime.url}/outbox`, { headers: runtimeTokenHeader(t.runtime.url) })).status).toBe(200);
    });

    test('without the token, the mini-program may ask upload grants only for its own folders (as wx.cloud.uploadFile)', async () => {
      const grant = async (path: string) =>
        fetch(`${t.runtime.url}/client-upload`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path }) });
      const photo = await grant('opinion-photos/20261202/abc123.jpg');
      expect(photo.status).toBe(200);
      expect(((await photo.json()) as { data: { url: string } }).data.url).toContain('/storage/opinion-photos/20261202/abc123.jpg');
      const dutyPhoto = await grant('duty-photos/20261202/def456.jpg');
      expect(dutyPhoto.status).toBe(200);
      expect(((await dutyPhoto.json()) as { data: { url: string } }).data.url).toContain('/storage/duty-photos/20261202/def456.jpg');
      for (const path of ['exports/my-data/someone.json', 'opinion-photos/../exports/x.json', 'duty-photos/../exports/x.json', '']) {
        const refused = await grant(path);
        expect(refused.status).toBe(403);
        expect(await refused.json()).toMatchObject({ code: 'STORAGE_PATH_FORBIDDEN' });
      }
    });

    test('a cross-site text/plain POST is refused, the same POST from the runtime’s own pages is served', async () => {
      const body = JSON.stringify({ action: 'account.updatePreferences', payload: { fontScale: 'large' } });
      const foreign = await fetch(`${t.runtime.url}/fn/account`, { method: 'POST', headers: { 'content-type': 'text/plain', origin: 'https://evil.example' }, body });
      expect(foreign.status).toBe(403);
      const fetchSite = await fetch(`${t.runtime.url}/fn/account`, { method: 'POST', headers: { 'content-type': 'text/plain', 'sec-fetch-site': 'cross-site' }, body });
      expect(fetchSite.status).toBe(403);
      const own = await fetch(`${t.runtime.url}/fn/account`, { method: 'POST', headers: { 'content-type': 'application/json', origin: t.runtime.url }, body });
      expect(own.status).toBe(200);
    });

    test('a name that is not this machine’s (DNS rebinding) is refused', async () => {
      const status = await new Promise<number>((resolve, reject) => {
        request(`${t.runtime.url}/health`, { headers: { host: `rebind.evil.example:${t.runtime.port}` } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
          .on('error', reject)
          .end();
      });
      expect(status).toBe(421);
      expect((await fetch(`http://localhost:${t.runtime.port}/health`)).status).toBe(200);
    });

    test('after a 413 the connection is closed, not left hanging', async () => {
      const answer = await new Promise<{ status: number; connection: string | undefined; closed: boolean }>((resolve, reject) => {
        const req = request(`${t.runtime.url}/fn/account`, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
          res.resume();
          res.on('end', () => {
            // The server ends the socket: it closes without the client doing anything.
            const socket = req.socket;
            const timer = setTimeout(() => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, closed: false }), 3000);
            socket?.once('close', () => {
              clearTimeout(timer);
              resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, closed: true });
            });
            if (socket?.destroyed) {
              clearTimeout(timer);
              resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, closed: true });
            }
          });
        });
        req.on('error', reject);
        req.write(Buffer.alloc(21 * 1024 * 1024, 0x20));
        req.end();
      });
      expect(answer).toEqual({ status: 413, connection: 'close', closed: true });
    });
  });
});

/** `npm start`'s entry point, as a real process: prints its URL, seeds once, keeps data across restarts. */
describe('npm start (runtime/main.ts)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lxq-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  async function start(): Promise<{ child: ChildProcess; url: string; output: string[] }> {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'runtime', 'main.ts')], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const output: string[] = [];
    const url = await new Promise<string>((done, reject) => {
      const lines = createInterface({ input: child.stdout! });
      lines.on('line', (line) => {
        output.push(line);
        const match = /listening on (http:\/\/\S+)/.exec(line);
        if (match?.[1]) done(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`runtime exited with ${code}: ${output.join('\n')}`)));
    });
    await new Promise((done) => setTimeout(done, 200)); // let the remaining banner lines arrive
    return { child, url, output };
  }

  async function stop(child: ChildProcess): Promise<void> {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
  }

  test('serves the seeded demo, prints how to try it, and keeps data across a restart', async () => {
    const first = await start();
    const banner = first.output.join('\n');
    expect(banner).toContain('demo data seeded');
    expect(banner).toContain('x-wx-openid: demo-resident-001');
    expect(banner).toContain('curl');
    const call = (url: string, openid: string, event: object) =>
      fetch(`${url}/fn/${(event as { action: string }).action.split('.')[0]}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
        body: JSON.stringify(event),
      }).then((res) => res.json());
    expect(await call(first.url, 'demo-resident-001', { action: 'directory.listStations', payload: {} })).toMatchObject({ ok: true });
    await call(first.url, 'restart-check', { action: 'account.updatePreferences', payload: { fontScale: 'extraLarge' } });
    await stop(first.child);

    const second = await start();
    expect(second.output.join('\n')).not.toContain('demo data seeded');
    expect(await call(second.url, 'restart-check', { action: 'account.getProfile', payload: {} })).toMatchObject({ ok: true, data: { preferences: { fontScale: 'extraLarge' } } });
    await stop(second.child);
  });
});
