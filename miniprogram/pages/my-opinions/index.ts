import { definePage } from '../../factory/define-page';
import { pagedListEvents, refreshList, reloadList } from '../../factory/paged-list-page';
import type { TapEvent } from '../../utils/events';
import { navigateTo } from '../../services/wx';
import { opinionUrl, STATIONS_URL } from '../../routes';
import { createMyOpinions, initialMyOpinionsState } from './model';

definePage({
  name: 'my-opinions',
  data: initialMyOpinionsState,
  model: (page) => createMyOpinions(page.render),
  load: reloadList,
  /** Back from an opinion's page: its status may have changed since. */
  refresh: refreshList,
  events: {
    ...pagedListEvents,
    onOpen: (_list, event: TapEvent<{ opinionId: string }>) => navigateTo(opinionUrl(event.currentTarget.dataset.opinionId)),
    onStations: () => navigateTo(STATIONS_URL),
  },
});
