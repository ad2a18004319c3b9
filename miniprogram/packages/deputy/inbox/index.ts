import { definePage } from '../../../factory/define-page';
import type { TabEvent, TapEvent } from '../../../utils/events';
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
    onTab: (inbox, event: TabEvent<InboxFilter>) => inbox.choose(event.detail.value),
    onReachBottom: (inbox) => inbox.loadMore(),
    onMore: (inbox) => inbox.loadMore(),
    onOpen: (_inbox, event: TapEvent<{ opinionId: string }>) => navigateTo(deputyOpinionUrl(event.currentTarget.dataset.opinionId)),
    onBind: () => redirectTo(DEPUTY_BIND_URL),
  },
});
