import type { MyOpinionSummary } from '../../shared/contract/opinion';
import { callApi } from '../../services/api';
import { createPagedList, initialPagedState, pageRequest, type PagedState } from '../../utils/paged-list';
import { formatDateTime } from '../../utils/date';
import { authorStatus } from '../../views/opinion';

export const MY_OPINIONS_PAGE_SIZE = 10;

export interface MyOpinionItem {
  id: string;
  trackingNo: string;
  categoryLabel: string;
  excerpt: string;
  /** 写给 陈建华 / 写给 临江街道人大代表联络站 */
  targetLabel: string;
  /** The case status, or 待审核 / 未通过审核 while content review holds the opinion. */
  statusLabel: string;
  statusTheme: string;
  /** 内容正在审核，通过后代表即可看到; empty once published. */
  reviewNote: string;
  createdAt: string;
  /** The latest thing that happened, e.g. 代表已回复. */
  lastEventLabel: string;
}

export type MyOpinionsState = PagedState<MyOpinionItem>;

export const initialMyOpinionsState = initialPagedState<MyOpinionItem>;

export function myOpinionItem(summary: MyOpinionSummary): MyOpinionItem {
  return {
    id: summary.opinionId,
    trackingNo: summary.trackingNo,
    categoryLabel: summary.categoryLabel,
    excerpt: summary.excerpt,
    targetLabel: `写给 ${summary.target.name}`,
    ...authorStatus(summary),
    createdAt: formatDateTime(summary.createdAt),
    lastEventLabel: summary.lastEvent.label,
  };
}

/** The resident's own opinions, newest first (the server's order), a page at a time. */
export function createMyOpinions(render: (change: Partial<MyOpinionsState>) => void) {
  return createPagedList({
    fetch: (cursor) => callApi('opinion.listMine', pageRequest(cursor, { pageSize: MY_OPINIONS_PAGE_SIZE })),
    toItem: myOpinionItem,
    render,
  });
}
