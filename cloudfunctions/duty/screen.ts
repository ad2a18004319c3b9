import type { CommentState } from '../../infra/documents/duty';
import { CONTENT_SCENE } from '../core/openapi';
import { screenWriting } from '../core/screenWriting';

/**
 * WeChat content security on a resident's comment, as for opinions and 票决 comments: `risky` is
 * refused outright, `review` is stored held until staff publish or reject it, `pass` is published
 * (shown with the results once the period ends).
 */
export async function screenComment(text: string, openid: string): Promise<CommentState> {
  const request = { content: text, openid, scene: CONTENT_SCENE.comment };
  const verdict = await screenWriting('duty', request, { unavailable: 'DUTY.CHECK_UNAVAILABLE', rejected: 'DUTY.CONTENT_REJECTED' });
  return verdict.suggest === 'review' ? 'held' : 'published';
}
