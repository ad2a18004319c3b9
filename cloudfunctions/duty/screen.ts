import type { CommentState } from '../../infra/documents/duty';
import { checkText, CONTENT_SCENE } from '../core/openapi';
import { fail } from '../core/errors';

/**
 * WeChat content security on a resident's comment, as for opinions and 票决 comments: `risky` is
 * refused outright, `review` is stored held until staff publish or reject it, `pass` is published
 * (shown with the results once the period ends).
 */
export async function screenComment(text: string, openid: string): Promise<CommentState> {
  let verdict: Awaited<ReturnType<typeof checkText>>;
  try {
    verdict = await checkText({ content: text, openid, scene: CONTENT_SCENE.comment });
  } catch (error) {
    console.error('[duty] content check failed', error);
    return fail('DUTY.CHECK_UNAVAILABLE');
  }
  if (verdict.suggest === 'risky') fail('DUTY.CONTENT_REJECTED');
  return verdict.suggest === 'review' ? 'held' : 'published';
}
