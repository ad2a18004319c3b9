import { definePage } from '../../../factory/define-page';
import type { TapEvent } from '../../../utils/events';
import { createRounds, initialRoundsState, placeFromQuery } from './model';

definePage({
  name: 'project-rounds',
  data: initialRoundsState,
  model: (page) => createRounds(placeFromQuery(page.query), page.render),
  load: (rounds) => rounds.reload(),
  events: {
    onReachBottom: (rounds) => rounds.loadMore(),
    onMore: (rounds) => rounds.loadMore(),
    onOpen: (rounds, event: TapEvent<{ roundId: string }>) => rounds.open(event.currentTarget.dataset.roundId),
  },
});
