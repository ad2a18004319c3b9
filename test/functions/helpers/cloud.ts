import tcb from '@cloudbase/node-sdk';
import { randomUUID } from 'node:crypto';
import { COLLECTIONS } from '../../../infra/database';
import type { PayloadOf } from '../../../miniprogram/shared/contract';
import type { StaffScope } from '../../../miniprogram/shared/domain/account';
import { ok, runtimeOutbox, type TestRuntime } from '../../support/runtime';

/**
 * What the function tests of the opinion issue need besides t.call: the database and storage
 * behind the runtime (through the same SDK the functions use), its outbox, and a bound deputy.
 */

export function cloud(t: TestRuntime) {
  return tcb.init({ env: t.runtime.config.envId });
}

export function database(t: TestRuntime) {
  return cloud(t).database();
}

export interface OutboxMessage {
  seq: number;
  apiName: string;
  request: Record<string, unknown>;
}

export async function outbox(t: TestRuntime): Promise<OutboxMessage[]> {
  return runtimeOutbox<OutboxMessage>(t.runtime.url);
}

/** A photo as the mini-program would have uploaded it, answering its fileID. */
export async function uploadPhoto(t: TestRuntime, name = `${randomUUID()}.jpg`): Promise<string> {
  const { fileID } = await cloud(t).uploadFile({ cloudPath: `opinion-photos/test/${name}`, fileContent: Buffer.from('not really a jpeg') });
  return fileID;
}

/** Makes `openid` the deputy's WeChat account the way it happens for real: staff issue a code, the deputy enters it. */
export async function bindDeputy(t: TestRuntime, openid: string, deputyId: string, staff = 'demo-staff-city'): Promise<void> {
  const { code } = ok(await t.call('admin.issueBindingCode', { deputyId }, { openid: staff }));
  ok(await t.call('account.bindDeputy', { code }, { openid }));
}

/** Binds each WeChat account to its deputy (openid → deputy id) before the file's tests, in that order. */
export function bindDeputiesBeforeAll(t: TestRuntime, deputies: Record<string, string>): void {
  beforeAll(async () => {
    for (const [openid, deputyId] of Object.entries(deputies)) await bindDeputy(t, openid, deputyId);
  });
}

let requestCounter = 0;

/** A valid opinion for a station or deputy, with a fresh client request id. */
export function opinionFor(target: { deputyId: string } | { stationId: string }, overrides: Partial<PayloadOf<'opinion.submit'>> = {}): PayloadOf<'opinion.submit'> {
  requestCounter += 1;
  return {
    clientRequestId: `req-${randomUUID().slice(0, 8)}-${requestCounter}`,
    target,
    category: 'transport',
    text: '小区门口的公交站台没有遮雨棚，下雨天老人候车很不方便。',
    ...overrides,
  };
}

/** The resident taps 允许 on WeChat's subscribe question for these templates: one message each. */
export async function allowMessages(t: TestRuntime, openid: string, ...templateIds: string[]): Promise<Record<string, number>> {
  return ok(await t.call('account.grantSubscriptions', { templateIds }, { openid })).remaining;
}

/** A staff account placed in the store as it is once bound, for scopes no seeded account and no staff code gives. */
export async function placeStaff(t: TestRuntime, openid: string, staff: StaffScope): Promise<void> {
  await database(t)
    .collection(COLLECTIONS.accounts)
    .add({ _id: openid, roles: ['resident', 'staff'], staff });
}
