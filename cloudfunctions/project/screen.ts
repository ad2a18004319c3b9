import type { ProposalDocument } from '../../infra/documents/projects';
import { checkText, CONTENT_SCENE } from '../core/openapi';
import { fail } from '../core/errors';

/**
 * WeChat content security on what residents write, as for opinions: `risky` is refused outright,
 * `review` is stored held until staff publish or reject it, `pass` is published at once.
 */
export async function screenText(text: string, openid: string): Promise<ProposalDocument['moderation']> {
  let verdict: Awaited<ReturnType<typeof checkText>>;
  try {
    verdict = await checkText({ content: text, openid, scene: CONTENT_SCENE.forum });
  } catch (error) {
    console.error('[project] content check failed', error);
    return fail('PROJECT.CHECK_UNAVAILABLE');
  }
  if (verdict.suggest === 'risky') fail('PROJECT.CONTENT_REJECTED');
  const moderation: ProposalDocument['moderation'] = {
    suggest: verdict.suggest,
    state: verdict.suggest === 'review' ? 'held' : 'published',
    awaitingReview: verdict.suggest === 'review',
  };
  if (verdict.label !== undefined) moderation.label = verdict.label;
  return moderation;
}
