import { invocationInstant } from '../core/clock';
import { database } from '../core/cloud';
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
 * `wxa_media_check`): WeChat calls it with the event itself, not with an action.
 */
export async function main(event: unknown, context: unknown): Promise<unknown> {
  if (isMediaCheckPush(event)) return receiveMediaVerdict(database(), event, invocationInstant(context));
  return route(event, context);
}
