import { definePage } from '../../factory/define-page';
import { pagedListEvents, refreshList, reloadList } from '../../factory/paged-list-page';
import type { TapEvent } from '../../utils/events';
import { navigateTo } from '../../services/wx';
import { createMessages, initialMessagesState } from './model';

definePage({
  name: 'messages',
  data: initialMessagesState,
  model: (page) => createMessages(page.render),
  load: reloadList,
  refresh: refreshList,
  events: {
    ...pagedListEvents,
    onOpen: (_list, event: TapEvent<{ url: string }>) => navigateTo(event.currentTarget.dataset.url),
  },
});
