import { definePage } from '../../../factory/define-page';
import { pagedListEvents, reloadList } from '../../../factory/paged-list-page';
import type { TapEvent } from '../../../utils/events';
import { createRounds, initialRoundsState, placeFromQuery } from './model';

definePage({
  name: 'project-rounds',
  data: initialRoundsState,
  model: (page) => createRounds(placeFromQuery(page.query), page.render),
  load: reloadList,
  events: {
    ...pagedListEvents,
    onOpen: (rounds, event: TapEvent<{ roundId: string }>) => rounds.open(event.currentTarget.dataset.roundId),
  },
});
