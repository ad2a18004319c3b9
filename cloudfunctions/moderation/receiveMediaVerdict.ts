import { applyMediaVerdict, type MediaVerdict } from '../../miniprogram/shared/domain/moderation';
import type { Database } from '../core/cloud';
import { changeModeration } from './access';

/**
 * WeChat's `wxa_media_check` message push: the verdict of an image sent with
 * security.mediaCheckAsync, matched by trace_id. As WeChat documents it (version 2):
 * `{ ToUserName, FromUserName, CreateTime, MsgType: "event", Event: "wxa_media_check", appid,
 * trace_id, version: 2, detail: [...], errcode, errmsg, result: { suggest, label } }`.
 */
export interface MediaCheckPush {
  Event: 'wxa_media_check';
  trace_id: string;
  errcode?: number;
  result?: { suggest?: unknown; label?: unknown };
}

export function isMediaCheckPush(event: unknown): event is MediaCheckPush {
  if (typeof event !== 'object' || event === null) return false;
  const push = event as Record<string, unknown>;
  return push.Event === 'wxa_media_check' && typeof push.trace_id === 'string';
}

const VERDICTS = new Set<unknown>(['pass', 'review', 'risky']);

/**
 * Records the verdict on the photo it belongs to. Trace ids are only ever known to WeChat and the
 * back end (never shown to a client), so an event naming an unknown one — a forgery, or a photo
 * erased since — changes nothing. A failed check (errcode ≠ 0) or an unreadable verdict is kept
 * as `review`: a person looks at the photo rather than it being published unchecked.
 * Answers what WeChat expects of a message-push receiver ("success").
 */
export async function receiveMediaVerdict(db: Database, push: MediaCheckPush, now: Date): Promise<string> {
  const suggest = push.result?.suggest;
  const verdict: Exclude<MediaVerdict, 'pending'> = (push.errcode ?? 0) === 0 && VERDICTS.has(suggest) ? (suggest as 'pass' | 'review' | 'risky') : 'review';
  const label = typeof push.result?.label === 'number' ? push.result.label : undefined;
  const written = await changeModeration(
    db,
    { 'moderation.photos.traceId': push.trace_id },
    (opinion) => applyMediaVerdict(opinion.moderation, push.trace_id, verdict, label),
    now,
  );
  if (!written) console.warn(`[moderation] media verdict for an unknown trace id: ${push.trace_id}`);
  return 'success';
}
