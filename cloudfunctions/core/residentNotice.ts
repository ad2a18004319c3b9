import { randomUUID } from 'node:crypto';
import { COLLECTIONS } from '../../infra/database';
import { subscriptionBudgetId, type ResidentMessageDocument, type SubscriptionBudgetDocument } from '../../infra/documents/notices';
import type { Database } from './cloud';
import { isDuplicateWrite } from './databaseErrors';
import { sendSubscribeMessage, WxOpenApiError, type SubscribeMessage } from './openapi';

/**
 * The one door news to a resident goes through. WeChat's one-time subscribe messages allow one
 * message per acceptance, so each resident has a budget per template (granted when they tap 允许,
 * see account.grantSubscriptions). A notice worth it spends one acceptance and goes by WeChat;
 * a minor one never spends (the resident keeps the acceptance for news that matters), and news that
 * finds no budget, or that WeChat refuses, waits in the resident's message list (我的消息).
 */

/** WeChat's "the user has not subscribed" (or has used up their acceptances). */
export const NOT_SUBSCRIBED_ERRCODE = 43101;

/**
 * `key`: what the resident is waiting for (a reply, tomorrow's visit, the case closed, a seat, a
 * day cancelled, a first answer): spends an acceptance. `minor`: progress on something already
 * told (a follow-up on an answered suggestion): the message list only.
 */
export type NoticeWorth = 'key' | 'minor';

export interface ResidentNotice {
  /** The subscribe message, `touser` the resident. */
  message: SubscribeMessage & { page: string };
  worth: NoticeWorth;
  event: string;
  /** How it reads in 我的消息. */
  title: string;
  body: string;
}

export type NoticeOutcome = 'sent' | 'inbox';

/** Takes one acceptance if any is left; answers whether it did. One request, atomic. */
async function spend(db: Database, openid: string, templateId: string, now: Date): Promise<boolean> {
  const _ = db.command;
  const { updated } = await db
    .collection(COLLECTIONS.subscriptionBudgets)
    .where({ _id: subscriptionBudgetId(openid, templateId), remaining: _.gt(0) })
    .update({ remaining: _.inc(-1), spent: _.inc(1), updatedAt: now });
  return (updated ?? 0) > 0;
}

async function keep(db: Database, notice: ResidentNotice, now: Date): Promise<void> {
  const doc: ResidentMessageDocument = {
    _id: randomUUID().replace(/-/g, ''),
    openid: notice.message.touser,
    event: notice.event,
    title: notice.title,
    body: notice.body,
    page: notice.message.page,
    createdAt: now,
    readAt: null,
  };
  await db.collection(COLLECTIONS.residentMessages).add(doc);
}

/**
 * Tells one resident. Never throws for WeChat's refusal: the change it tells about is stored and
 * the message list keeps the news. Answers how it went.
 */
export async function notifyResident(db: Database, notice: ResidentNotice, now: Date): Promise<NoticeOutcome> {
  const { touser, templateId } = notice.message;
  if (notice.worth === 'key' && templateId !== '' && (await spend(db, touser, templateId, now))) {
    try {
      await sendSubscribeMessage(notice.message);
      return 'sent';
    } catch (error) {
      if (error instanceof WxOpenApiError && error.errcode === NOT_SUBSCRIBED_ERRCODE) {
        // WeChat knows better than our count: nothing is left.
        await db.collection(COLLECTIONS.subscriptionBudgets).doc(subscriptionBudgetId(touser, templateId)).update({ remaining: 0, updatedAt: now });
      }
      if (error instanceof WxOpenApiError) console.warn(`[notice] ${notice.event} ${templateId} not sent: ${error.errcode} ${error.errmsg}`);
      else console.error(`[notice] ${notice.event} ${templateId} failed`, error);
    }
  }
  await keep(db, notice, now);
  return 'inbox';
}

/** Tells each resident on their own; answers how many went by WeChat. */
export async function notifyResidents(db: Database, notices: readonly ResidentNotice[], now: Date): Promise<number> {
  const outcomes = await Promise.all(notices.map((notice) => notifyResident(db, notice, now)));
  return outcomes.filter((outcome) => outcome === 'sent').length;
}

/** Records acceptances the resident just gave (one each), answering what is now left per template. */
export async function grantSubscriptions(db: Database, openid: string, templateIds: readonly string[], now: Date): Promise<Record<string, number>> {
  const _ = db.command;
  const budgets = db.collection(COLLECTIONS.subscriptionBudgets);
  const left: Record<string, number> = {};
  for (const templateId of templateIds) {
    const id = subscriptionBudgetId(openid, templateId);
    const { updated } = await budgets.doc(id).update({ remaining: _.inc(1), granted: _.inc(1), updatedAt: now });
    if (!updated) {
      const doc: SubscriptionBudgetDocument = { _id: id, openid, templateId, remaining: 1, granted: 1, spent: 0, updatedAt: now };
      try {
        await budgets.add(doc);
      } catch (error) {
        if (!isDuplicateWrite(error)) throw error;
        // Added by a concurrent grant since: count this one on top.
        await budgets.doc(id).update({ remaining: _.inc(1), granted: _.inc(1), updatedAt: now });
      }
    }
    const { data } = await budgets.doc(id).get();
    left[templateId] = (data[0] as SubscriptionBudgetDocument | undefined)?.remaining ?? 0;
  }
  return left;
}
