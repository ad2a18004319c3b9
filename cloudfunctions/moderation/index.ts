import { messageFor } from '../../miniprogram/shared/errors';
import { invocationInstant } from '../core/clock';
import { database, isCallerInvocation } from '../core/cloud';
import { createFunction } from '../core/handler';
import { approveContent, rejectContent } from './actions/decide';
import { listFlagged } from './actions/listFlagged';
import { isMediaCheckPush, receiveMediaVerdict } from './receiveMediaVerdict';

/** Content safety (内容安全): the staff review queue, and the receiver of WeChat's image verdicts. */
const route = createFunction('moderation', {
  'moderation.listFlagged': listFlagged,
  'moderation.approve': approveContent,
  'moderation.reject': rejectContent,
});

/**
 * The function is also the environment's message-push receiver (云开发控制台 → 消息推送, event
 * `wxa_media_check`): WeChat calls it with the event itself, not with an action. Only WeChat may
 * deliver a verdict: an event of that shape sent by a caller — a mini-program's callFunction
 * (SOURCE wx_client, with the caller's OPENID) or any other client call — is refused, so a
 * resident cannot approve their own image.
 */
export async function main(event: unknown, context: unknown): Promise<unknown> {
  if (isMediaCheckPush(event)) {
    if (isCallerInvocation(context)) {
      console.warn('[moderation] a media verdict sent by a caller, not by WeChat: refused');
      return { ok: false, code: 'AUTH.FORBIDDEN', message: messageFor('AUTH.FORBIDDEN') };
    }
    return receiveMediaVerdict(database(), event, invocationInstant(context));
  }
  return route(event, context);
}
