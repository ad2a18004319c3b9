import { callApi } from './api';
import { requestSubscribe } from './wx';

/**
 * Asks WeChat's subscribe question (inside a tap) and tells the back end what was allowed: each
 * 允许 is one message of that template, counted in the resident's budget. Never rejects: what
 * finds no acceptance waits in 我的消息 instead.
 */
export async function askToNotify(templateIds: readonly string[]): Promise<string[]> {
  const wanted = templateIds.filter(Boolean).slice(0, 3);
  if (wanted.length === 0) return [];
  const allowed = await requestSubscribe([...wanted]);
  if (allowed.length > 0) {
    try {
      await callApi('account.grantSubscriptions', { templateIds: allowed });
    } catch (error) {
      console.warn('[subscribe] acceptance not recorded', error);
    }
  }
  return allowed;
}
