/**
 * What residents and staff see when the machine misbehaves under the runtime: a clock set back between
 * or during runs, and a full disk. Time stays in sequence with what the store holds, and a full disk
 * is a refusal they can retry, not an internal error.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EJSON } from 'bson';
import { shanghaiInstant, type Clock } from '../../miniprogram/shared/domain/time';
import { runtimeClock } from '../../runtime/clock';
import { startRuntime, type RunningRuntime } from '../../runtime/server';
import '../support/functionHostEnv';

const T2 = shanghaiInstant('2026-11-18', '10:00');
const TWO_HOURS = 2 * 60 * 60_000;
const T1 = new Date(T2.getTime() - TWO_HOURS);
const MINUTE = 60_000;

/** A machine clock the test moves by hand. */
function machineClock(at: Date): Clock & { move(ms: number): void } {
  let now = at.getTime();
  return { now: () => new Date(now), move: (ms) => (now += ms) };
}

describe('the runtime clock is monotone', () => {
  test('a machine clock set back while running: readings never go back, and time runs on at its pace', () => {
    const machine = machineClock(T2);
    const clock = runtimeClock({}, machine);
    expect(clock.now()).toEqual(T2);
    machine.move(-TWO_HOURS);
    expect(clock.now()).toEqual(T2);
    machine.move(MINUTE);
    expect(clock.now()).toEqual(new Date(T2.getTime() + MINUTE));
    expect(clock.describe()).toContain('moved on by 120 min');
  });

  test('started on a machine clock earlier than the store’s last instant: the clock runs on from that instant', () => {
    const machine = machineClock(T1);
    const clock = runtimeClock({}, machine);
    clock.notBefore(T2);
    expect(clock.now()).toEqual(T2);
    machine.move(30 * MINUTE);
    expect(clock.now()).toEqual(new Date(T2.getTime() + 30 * MINUTE));
  });

  test('a later store instant leaves a clock that is ahead of it alone', () => {
    const machine = machineClock(T2);
    const clock = runtimeClock({}, machine);
    clock.notBefore(T1);
    expect(clock.now()).toEqual(T2);
    expect(clock.describe()).toBe('real time');
  });

  test('set() is a deliberate move and may go back', () => {
    const clock = runtimeClock({ at: T2, frozen: true });
    clock.set(T1);
    expect(clock.now()).toEqual(T1);
  });
});

describe('a runtime on a data folder', () => {
  let dataDir: string;
  let runtime: RunningRuntime | undefined;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'lxq-faults-'));
  });
  afterEach(async () => {
    await runtime?.stop();
    runtime = undefined;
    jest.restoreAllMocks();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = async (at: Date) => {
    runtime = await startRuntime({ port: 0, dataDir, functions: 'source', timers: false, clock: { at } });
    return runtime;
  };
  const call = async (openid: string, action: string, payload: object) => {
    const res = await fetch(`${runtime?.url}/fn/${action.slice(0, action.indexOf('.'))}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
      body: JSON.stringify({ action, payload }),
    });
    return (await res.json()) as { ok: boolean; code?: string; message?: string };
  };
  const account = async (openid: string) => {
    const answer = await runtime?.database.handle({ action: 'database.getDocument', collectionName: 'accounts', query: EJSON.stringify({ _id: openid }, { relaxed: false }) });
    const [text] = (answer?.data as { list: string[] }).list;
    return EJSON.parse(text as string) as { createdAt: Date; updatedAt: Date; preferences: { fontScale: string } };
  };

  test('restarted with the machine clock two hours back: new records are not dated before the stored ones', async () => {
    await start(T2);
    expect((await call('resident-clock', 'account.updatePreferences', { fontScale: 'large' })).ok).toBe(true);
    const first = await account('resident-clock');
    await runtime?.stop();

    await start(T1);
    expect(runtime?.clock.now().getTime()).toBeGreaterThanOrEqual(first.createdAt.getTime());
    expect((await call('resident-clock', 'account.updatePreferences', { fontScale: 'extraLarge' })).ok).toBe(true);
    const second = await account('resident-clock');
    expect(second.preferences.fontScale).toBe('extraLarge');
    expect(second.updatedAt.getTime()).toBeGreaterThanOrEqual(first.updatedAt.getTime());
    expect(second.updatedAt.getTime()).toBeLessThan(T2.getTime() + TWO_HOURS);
  });

  test('a full disk answers COMMON.STORAGE_FULL with a Chinese message; nothing half-written, and the retry succeeds', async () => {
    await start(T2);
    expect((await call('resident-disk', 'account.updatePreferences', { fontScale: 'large' })).ok).toBe(true);
    const fs = jest.requireActual<typeof import('node:fs')>('node:fs');
    const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const realWrite = fs.writeSync;
    // Only the store's files are full: the console keeps writing to its own descriptors.
    jest.spyOn(fs, 'writeSync').mockImplementation(((fd: number, ...rest: unknown[]) => {
      if (fd > 2) throw enospc;
      return (realWrite as (...args: unknown[]) => number)(fd, ...rest);
    }) as typeof fs.writeSync);
    jest.spyOn(console, 'error').mockImplementation(() => undefined);

    const refused = await call('resident-disk', 'account.updatePreferences', { fontScale: 'extraLarge' });
    expect(refused).toEqual({ ok: false, code: 'COMMON.STORAGE_FULL', message: '服务器存储空间暂时已满，这次操作没有保存，请稍后再试' });
    expect((await account('resident-disk')).preferences.fontScale).toBe('large');

    jest.restoreAllMocks();
    expect((await call('resident-disk', 'account.updatePreferences', { fontScale: 'extraLarge' })).ok).toBe(true);
    await runtime?.stop();
    await start(T2);
    expect((await account('resident-disk')).preferences.fontScale).toBe('extraLarge');
  });
});
