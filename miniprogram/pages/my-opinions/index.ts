import { definePage } from '../../factory/define-page';
import type { TapEvent } from '../../utils/events';
import { navigateTo } from '../../services/wx';
import { opinionUrl, STATIONS_URL } from '../../routes';
import { createMyOpinions, initialMyOpinionsState } from './model';

definePage({
  name: 'my-opinions',
  data: initialMyOpinionsState,
  model: (page) => createMyOpinions(page.render),
  load: (list) => list.reload(),
  /** Back from an opinion's page: its status may have changed since. */
  refresh: (list) => list.refresh(),
  events: {
    onReachBottom: (list) => list.loadMore(),
    onMore: (list) => list.loadMore(),
    onOpen: (_list, event: TapEvent<{ opinionId: string }>) => navigateTo(opinionUrl(event.currentTarget.dataset.opinionId)),
    onStations: () => navigateTo(STATIONS_URL),
  },
});
