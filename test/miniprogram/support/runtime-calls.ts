/**
 * Calls to the real local runtime from page tests, as a given WeChat user: what staff or another
 * resident does in the background of a test (issue a binding code, leave an opinion). Over
 * node's http, the way the app's local transport reaches the runtime (page tests run in jsdom).
 */
import http from 'node:http';
import type { ActionName, PayloadOf, ResultOf } from '../../../miniprogram/shared/contract';
import type { ApiResponse } from '../../../miniprogram/shared/errors';
import { runtimeTokenHeader } from '../../support/runtimeAccess';
import { localRuntimeFunctions } from './wx-double';

export { DEMO_RESIDENT, CITY_STAFF } from '../../support/people';

export async function callAs<A extends ActionName>(runtimeUrl: string, openid: string, action: A, payload: PayloadOf<A>): Promise<ResultOf<A>> {
  const answer = (await localRuntimeFunctions(runtimeUrl, openid)(action.slice(0, action.indexOf('.')), { action, payload })) as ApiResponse<ResultOf<A>>;
  if (!answer.ok) throw new Error(`${action} as ${openid}: ${answer.code} ${answer.message}`);
  return answer.data;
}

/** What the runtime "sent" on WeChat's behalf (subscribe messages…), oldest first. */
export function outbox(runtimeUrl: string): Promise<Array<{ apiName: string; request: Record<string, unknown> }>> {
  return new Promise((resolve, reject) => {
    http
      .get(`${runtimeUrl}/outbox`, { headers: runtimeTokenHeader(runtimeUrl) }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve((JSON.parse(Buffer.concat(chunks).toString('utf8')) as { messages: never }).messages));
      })
      .on('error', reject);
  });
}
