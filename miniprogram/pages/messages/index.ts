import { definePage } from '../../factory/define-page';
import type { TapEvent } from '../../utils/events';
import { navigateTo } from '../../services/wx';
import { createMessages, initialMessagesState } from './model';

definePage({
  name: 'messages',
  data: initialMessagesState,
  model: (page) => createMessages(page.render),
  load: (list) => list.reload(),
  refresh: (list) => list.refresh(),
  events: {
    onReachBottom: (list) => list.loadMore(),
    onMore: (list) => list.loadMore(),
    onOpen: (_list, event: TapEvent<{ url: string }>) => navigateTo(event.currentTarget.dataset.url),
  },
});
