import { COLLECTIONS } from '../../infra/database';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { API, functionOf, type ActionName } from '../../miniprogram/shared/contract';
import type { TestRuntime } from '../support/runtime';
import { CALLERS, MATRIX, type CallerKind } from './matrix';
import { hostileVariants, OPERATOR_VALUES, type Variant } from './support/hostile';
import { SCENARIOS } from './support/scenarios';
import { useWorld, fresh, openidOf, snapshot, type World } from './support/world';

/**
 * Hostile input: every action gets a deterministic set of malformed payloads (support/hostile.ts),
 * as the caller it is meant for, and the operator-object variants also as no one and as another
 * resident. Every answer is a clear envelope — a success, or { ok: false, code, message in Chinese }
 * that is never COMMON.INTERNAL and never echoes the input — and a refused call writes nothing.
 *
 * "Writes nothing" is checked on every call by the store's append-only logs (every acknowledged
 * write appends a line: runtime/database/log.ts), and for every action whose variants were all
 * refused, by comparing every document of every collection before and after.
 */
jest.setTimeout(240_000);

let t: TestRuntime;
let world: World;
useWorld((started) => ({ t, world } = started));

interface Envelope {
  ok?: unknown;
  data?: unknown;
  code?: unknown;
  message?: unknown;
}

/** Sizes of the store's write logs: unchanged exactly when nothing was written. */
function writeLogFingerprint(): string {
  const dir = join(t.runtime.config.dataDir, 'database');
  return (
    readdirSync(dir)
      // Rate-limit counters count attempts, refused ones included (test/functions/rate-limits.test.ts).
      .filter((name) => name.endsWith('.log') && name !== `${COLLECTIONS.rateCounters}.log`)
      .sort()
      .map((name) => `${name}:${statSync(join(dir, name)).size}`)
      .join(',')
  );
}

/** The caller an action is meant for: the first kind the matrix allows (the owner before staff). */
const PREFERENCE: CallerKind[] = ['owner', 'deputyHere', 'handlerHere', 'stationStaffIn', 'areaStaffIn', 'admin', 'anonymous'];
function intendedCaller(action: ActionName): CallerKind {
  const row = MATRIX[action];
  return PREFERENCE.find((kind) => ['ok', 'sees', 'blind'].includes(row[kind])) ?? 'owner';
}

const HAN = /[\u4e00-\u9fa5]/;

function expectClearAnswer(label: string, status: number, body: unknown): boolean {
  const answer = body as Envelope;
  expect({ label, status }).toEqual({ label, status: 200 });
  if (answer?.ok === true) {
    expect({ label, hasData: 'data' in answer }).toEqual({ label, hasData: true });
    return true;
  }
  expect({ label, ok: answer?.ok, code: answer?.code }).toEqual({ label, ok: false, code: expect.stringMatching(/^[A-Z]+\.[A-Z_]+$/) });
  expect({ label, internal: answer.code === 'COMMON.INTERNAL' }).toEqual({ label, internal: false });
  expect({ label, chineseMessage: typeof answer.message === 'string' && HAN.test(answer.message) }).toEqual({ label, chineseMessage: true });
  expect({ label, echoesInput: JSON.stringify(body).length > 4096 }).toEqual({ label, echoesInput: false });
  return false;
}

const actions = Object.keys(API) as ActionName[];

test.each(actions)('%s: hostile payloads get a clear answer and refused ones write nothing', async (action) => {
  const owner = fresh('fuzz-owner');
  const { payload: base } = await SCENARIOS[action]({ t, world, owner });
  const variants = hostileVariants(base as Record<string, unknown>);
  const operatorVariants = variants.filter((v) => OPERATOR_VALUES.some(([label]) => v.name.endsWith(label)) || v.name === 'an identity in the payload');
  const sends: Array<[CallerKind, Variant]> = [
    ...variants.map((v): [CallerKind, Variant] => [intendedCaller(action), v]),
    ...(['anonymous', 'otherResident'] as const).flatMap((kind) => operatorVariants.map((v): [CallerKind, Variant] => [kind, v])),
  ];

  const before = await snapshot(t);
  let anySuccess = false;
  for (const [caller, variant] of sends) {
    const label = `${action} as ${caller}: ${variant.name}`;
    const openid = openidOf(world, caller, owner);
    const logBefore = writeLogFingerprint();
    const { status, body } = await t.raw(functionOf(action), { action, payload: variant.payload }, openid ? { openid } : {});
    const succeeded = expectClearAnswer(label, status, body);
    anySuccess ||= succeeded;
    if (!succeeded) expect({ label, store: writeLogFingerprint() }).toEqual({ label, store: logBefore });
  }
  if (!anySuccess) expect(await snapshot(t)).toEqual(before);
});

describe('hostile events around the payload', () => {
  const bodies: Array<[string, string, unknown]> = [
    ['action is an operator object', 'account', { action: { $ne: null }, payload: {} }],
    ['action is __proto__', 'account', { action: '__proto__', payload: {} }],
    ['action is constructor', 'account', { action: 'constructor', payload: {} }],
    ['action is toString', 'admin', { action: 'toString', payload: {} }],
    ['action of another function', 'admin', { action: 'account.getProfile', payload: {} }],
    ['action with a trailing space', 'account', { action: 'account.getProfile ', payload: {} }],
    ['no action', 'account', { payload: {} }],
    [
      'event-level identity',
      'admin',
      { action: 'admin.listStaff', payload: {}, userInfo: { openId: 'demo-staff-city', appId: 'x' }, openid: 'demo-staff-city', OPENID: 'demo-staff-city' },
    ],
  ];

  test.each(bodies)('%s', async (_name, fn, event) => {
    const logBefore = writeLogFingerprint();
    for (const openid of [undefined, 'fuzz-resident']) {
      const { status, body } = await t.raw(fn, event, openid ? { openid } : {});
      expect(expectClearAnswer(`${_name} (${openid ?? 'no identity'})`, status, body)).toBe(false);
      expect((body as Envelope).code).not.toBe('COMMON.INTERNAL');
    }
    expect(writeLogFingerprint()).toBe(logBefore);
  });

  test('a timer body from a user is routed as an API call and refused (no identity at all is the platform: API.md)', async () => {
    for (const [fn, trigger] of [
      ['casework', 'caseworkDaily'],
      ['booking', 'bookingDaily'],
    ] as const) {
      const { body } = await t.raw(fn, { Type: 'Timer', TriggerName: trigger }, { openid: 'fuzz-resident' });
      expect(body).toMatchObject({ ok: false, code: 'COMMON.UNKNOWN_ACTION' });
    }
  });

  test('identity in the event is ignored: an event-level administrator is still no one', async () => {
    const { body } = await t.raw('admin', { action: 'admin.listStaff', payload: {}, userInfo: { openId: 'demo-staff-city' } });
    expect(body).toMatchObject({ ok: false, code: 'AUTH.REQUIRED' });
  });
});

test('nothing leaked into the process: no polluted prototypes, and the runtime still answers', async () => {
  const probe = {} as Record<string, unknown>;
  expect([probe.isAdmin, probe.polluted, probe.roles]).toEqual([undefined, undefined, undefined]);
  expect(await (await fetch(`${t.runtime.url}/health`)).json()).toMatchObject({ ok: true });
  expect(CALLERS.length).toBeGreaterThan(0);
});
