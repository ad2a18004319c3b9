import { definePage } from '../../../factory/define-page';
import type { InputEvent, TapEvent } from '../../../utils/events';
import type { Rating } from '../../../shared/domain/project';
import { createCandidate, initialCandidateState, type CandidateState } from './model';

definePage<CandidateState, { candidateId?: string }, ReturnType<typeof createCandidate>>({
  name: 'project-candidate',
  data: initialCandidateState,
  model: (page) => createCandidate(page.query.candidateId, page.render),
  refresh: (candidate) => candidate.load(),
  events: {
    onComment: (candidate, event: InputEvent) => candidate.setComment(event.detail.value),
    onSendComment: (candidate) => candidate.comment(),
    onFollow: (candidate) => candidate.follow(true),
    onUnfollow: (candidate) => candidate.follow(false),
    onRate: (candidate, event: TapEvent<{ rating: Rating }>) => candidate.rate(event.currentTarget.dataset.rating),
  },
});
