import type { InboxItem } from '../../../shared/contract/opinion';
import { INBOX_FILTER_LABELS, INBOX_FILTERS, awaitsDeputy, type InboxFilter } from '../../../shared/domain/opinion';
import { callApi } from '../../../services/api';
import { initialPagedState, type PagedState } from '../../../utils/paged-list';
import { createTabbedList } from '../../../utils/tabbed-list';
import { countedTabs, type TabView } from '../../../utils/tabs';
import { opinionForDeputyLabels, type OpinionForDeputyLabels } from '../opinion-labels';

/** Waiting this long is shown in red: a resident has waited three days for a word. */
export const OVERDUE_HOURS = 72;

/** The tabs before their counts arrive (with the first page). */
export const INBOX_TABS: ReadonlyArray<TabView<InboxFilter>> = countedTabs(INBOX_FILTERS, INBOX_FILTER_LABELS);

export interface InboxItemView extends OpinionForDeputyLabels {
  id: string;
  trackingNo: string;
  categoryLabel: string;
  excerpt: string;
  overdue: boolean;
  photoLabel: string;
}

export function inboxItemView(item: InboxItem): InboxItemView {
  return {
    id: item.opinionId,
    trackingNo: item.trackingNo,
    categoryLabel: item.categoryLabel,
    excerpt: item.excerpt,
    ...opinionForDeputyLabels(item),
    overdue: awaitsDeputy(item.status) && item.waitedHours >= OVERDUE_HOURS,
    photoLabel: item.photoCount > 0 ? `附${item.photoCount}张照片` : '',
  };
}

export interface InboxState extends PagedState<InboxItemView> {
  filter: InboxFilter;
  /** 待处理 3, 已回复 12 …: each tab with how many it holds. */
  tabs: ReadonlyArray<TabView<InboxFilter>>;
  /** This WeChat account is not a deputy (never bound, or unbound by staff). */
  notDeputy: boolean;
}

export function initialInboxState(): InboxState {
  return { ...initialPagedState<InboxItemView>(), filter: 'pending', tabs: INBOX_TABS, notDeputy: false };
}

/** The deputy's inbox: one tab at a time, oldest waiting first (the server's order), a page at a time. */
export function createInbox(render: (change: Partial<InboxState>) => void) {
  return createTabbedList({
    keys: { tab: 'filter', refused: 'notDeputy' },
    first: 'pending' as InboxFilter,
    tabs: { order: INBOX_FILTERS, names: INBOX_FILTER_LABELS },
    fetch: (status, page) => callApi('opinion.inbox', { status, ...page }),
    toItem: inboxItemView,
    render,
  });
}
