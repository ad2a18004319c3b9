/**
 * WeChat's privacy authorization, owned by the page factory (STYLE.md habit 12). With app.json's
 * `__usePrivacyCheck__`, WeChat asks the app (wx.onNeedPrivacyAuthorization) before a
 * privacy-scoped API runs — location, photos, the clipboard, the album — and waits for the
 * answer. WeChat keeps one listener for the whole app: it is registered once, here, and hands
 * each request to the page in front.
 *
 * A request is always answered, never left waiting: by the resident on a page that shows the
 * popup (`<privacy-popup>`); at once with a refusal when the page in front cannot show it or no
 * page is in front; and with a refusal when the page asking is hidden or closed before the
 * resident answered (its listener is taken off then).
 */
import { onNeedPrivacyAuthorization, type PrivacyAnswer } from '../services/wx';

export type PrivacyResolve = (answer: PrivacyAnswer) => void;

export interface PrivacyTarget {
  /** Shows the popup for this request; false when the page has no popup to show. */
  ask(resolve: PrivacyResolve): boolean;
}

let front: PrivacyTarget | null = null;
let listening = false;

function handle(resolve: PrivacyResolve): void {
  if (front?.ask(resolve)) return;
  console.warn('[privacy] asked with no popup in front: declined');
  resolve({ event: 'disagree' });
}

/** The page came to the front: privacy requests are its to answer. */
export function takePrivacyRequests(target: PrivacyTarget): void {
  front = target;
  if (listening) return;
  listening = true;
  onNeedPrivacyAuthorization(handle);
}

/** The page left the front (hidden or closed): its listener is off. */
export function releasePrivacyRequests(target: PrivacyTarget): void {
  if (front === target) front = null;
}
