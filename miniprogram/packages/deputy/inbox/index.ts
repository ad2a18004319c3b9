import { definePage } from '../../../factory/define-page';
import type { TapEvent } from '../../../utils/events';
import type { InboxFilter } from '../../../shared/domain/opinion';
import { navigateTo, redirectTo } from '../../../services/wx';
import { DEPUTY_BIND_URL, deputyOpinionUrl } from '../../../routes';
import { createInbox, initialInboxState } from './model';

definePage({
  name: 'deputy-inbox',
  data: initialInboxState,
  model: (page) => createInbox(page.render),
  load: (inbox) => inbox.reload(),
  /** Back from replying: the opinion has moved to 已回复. */
  refresh: (inbox) => inbox.refresh(),
  events: {
    onTab: (inbox, event: TapEvent<{ filter: InboxFilter }>, page) => {
      const { filter } = event.currentTarget.dataset;
      if (filter === page.data().filter) return undefined;
      return inbox.choose(filter);
    },
    onReachBottom: (inbox) => inbox.loadMore(),
    onMore: (inbox) => inbox.loadMore(),
    onOpen: (_inbox, event: TapEvent<{ opinionId: string }>) => navigateTo(deputyOpinionUrl(event.currentTarget.dataset.opinionId)),
    onBind: () => redirectTo(DEPUTY_BIND_URL),
  },
});
