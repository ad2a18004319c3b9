import { definePage } from '../../../factory/define-page';
import type { InputEvent, TapEvent } from '../../../utils/events';
import { createRound, initialRoundState, type RoundState } from './model';

type FieldEvent = InputEvent<{ field: 'title' | 'place' | 'description' }>;

definePage<RoundState, { roundId?: string }, ReturnType<typeof createRound>>({
  name: 'project-round',
  data: initialRoundState,
  model: (page) => createRound(page.query.roundId, page.render),
  refresh: (round) => round.load(),
  events: {
    onOpen: (round, event: TapEvent<{ candidateId: string }>) => round.open(event.currentTarget.dataset.candidateId),
    onToggle: (round, event: TapEvent<{ candidateId: string }>) => round.toggle(event.currentTarget.dataset.candidateId),
    onVote: (round) => round.vote(),
    onProposalInput: (round, event: FieldEvent) => round.setProposal(event.currentTarget.dataset.field, event.detail.value),
    onPropose: (round) => round.propose(),
  },
});
