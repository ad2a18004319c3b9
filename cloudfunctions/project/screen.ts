import type { ProposalDocument } from '../../infra/documents/projects';
import { CONTENT_SCENE } from '../core/openapi';
import { screenWriting } from '../core/screenWriting';

/**
 * WeChat content security on what residents write, as for opinions: `risky` is refused outright,
 * `review` is stored held until staff publish or reject it, `pass` is published at once.
 */
export async function screenText(text: string, openid: string): Promise<ProposalDocument['moderation']> {
  const request = { content: text, openid, scene: CONTENT_SCENE.forum };
  const verdict = await screenWriting('project', request, { unavailable: 'PROJECT.CHECK_UNAVAILABLE', rejected: 'PROJECT.CONTENT_REJECTED' });
  const moderation: ProposalDocument['moderation'] = {
    suggest: verdict.suggest,
    state: verdict.suggest === 'review' ? 'held' : 'published',
    awaitingReview: verdict.suggest === 'review',
  };
  if (verdict.label !== undefined) moderation.label = verdict.label;
  return moderation;
}
