/**
 * What the resident has agreed to receive and what waits for them in the app.
 *
 * WeChat's one-time subscribe messages allow one message per acceptance (订阅消息 一次性订阅):
 * each "允许" in wx.requestSubscribeMessage is one message of that template. The budget counts them
 * per resident and template; a notice sent spends one. News that finds no budget (or is not worth
 * one) waits in the resident's message list instead.
 */

/** `_id` = `<openid>:<templateId>` (subscriptionBudgetId). */
export interface SubscriptionBudgetDocument {
  _id: string;
  openid: string;
  templateId: string;
  /** Messages of this template the resident still allows. */
  remaining: number;
  /** How many acceptances were ever recorded, and how many messages were spent. */
  granted: number;
  spent: number;
  updatedAt: Date;
}

export function subscriptionBudgetId(openid: string, templateId: string): string {
  return `${openid}:${templateId}`;
}

/** A notice waiting in the resident's message list (我的消息). */
export interface ResidentMessageDocument {
  _id: string;
  openid: string;
  /** What happened, e.g. `opinion.replied`, `booking.reminder`. */
  event: string;
  title: string;
  body: string;
  /** The page it opens, with its query. */
  page: string;
  createdAt: Date;
  /** null until the resident opened the list with it. */
  readAt: Date | null;
}
