import { definePage } from '../../../factory/define-page';
import { tabbedListPage } from '../../../factory/paged-list-page';
import type { TapEvent } from '../../../utils/events';
import { navigateTo } from '../../../services/wx';
import { DEPUTY_BIND_URL, deputyOpinionUrl } from '../../../routes';
import { createInbox, initialInboxState } from './model';

// Coming back refreshes the inbox: an opinion replied to has moved to 已回复.
definePage(
  tabbedListPage({
    name: 'deputy-inbox',
    data: initialInboxState,
    list: (page) => createInbox(page.render),
    bindUrl: DEPUTY_BIND_URL,
    events: {
      onOpen: (_inbox, event: TapEvent<{ opinionId: string }>) => navigateTo(deputyOpinionUrl(event.currentTarget.dataset.opinionId)),
    },
  }),
);
