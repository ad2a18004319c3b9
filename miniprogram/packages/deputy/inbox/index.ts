import { fontScaleBehavior } from '../../../behaviors/font-scale';
import type { TapEvent } from '../../../utils/events';
import type { InboxFilter } from '../../../shared/domain/opinion';
import { navigateTo, redirectTo } from '../../../services/wx';
import { DEPUTY_BIND_URL, deputyOpinionUrl } from '../../../routes';
import { createInbox, initialInboxState, type InboxState } from './model';
import { returnDetector } from '../../../utils/return-detector';

const inboxes = new WeakMap<object, ReturnType<typeof createInbox>>();
const isReturn = returnDetector();

Component({
  behaviors: [fontScaleBehavior],
  data: initialInboxState(),
  methods: {
    onLoad() {
      const inbox = createInbox((change: Partial<InboxState>) => this.setData(change));
      inboxes.set(this, inbox);
      return inbox.reload();
    },
    /** Back from replying: the opinion has moved to 已回复. */
    onShow() {
      if (!isReturn(this)) return undefined;
      return inboxes.get(this)?.refresh();
    },
    onRetry() {
      return inboxes.get(this)?.reload();
    },
    onTab(event: TapEvent<{ filter: InboxFilter }>) {
      const { filter } = event.currentTarget.dataset;
      if (filter === this.data.filter) return undefined;
      return inboxes.get(this)?.choose(filter);
    },
    onReachBottom() {
      return inboxes.get(this)?.loadMore();
    },
    onMore() {
      return inboxes.get(this)?.loadMore();
    },
    onOpen(event: TapEvent<{ opinionId: string }>) {
      return navigateTo(deputyOpinionUrl(event.currentTarget.dataset.opinionId));
    },
    onBind() {
      return redirectTo(DEPUTY_BIND_URL);
    },
  },
});
