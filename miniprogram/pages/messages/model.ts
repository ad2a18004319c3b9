import type { ResidentMessageView } from '../../shared/contract/account';
import { callApi, toApiError } from '../../services/api';
import { createPagedList, initialPagedState, pageRequest, type PagedState } from '../../utils/paged-list';

export const MESSAGES_PAGE_SIZE = 20;

export interface MessageItem {
  id: string;
  title: string;
  body: string;
  /** The page it opens, as a URL (`/pages/…`). */
  url: string;
  at: string;
  unread: boolean;
  /** What a screen reader says for the whole card. */
  ariaLabel: string;
}

export type MessagesState = PagedState<MessageItem>;

export const initialMessagesState = initialPagedState<MessageItem>;

export function messageItem(message: ResidentMessageView): MessageItem {
  return {
    id: message.messageId,
    title: message.title,
    body: message.body,
    url: `/${message.page}`,
    at: message.at,
    unread: !message.read,
    ariaLabel: `${message.read ? '' : '未读，'}${message.title}，${message.at}`,
  };
}

/**
 * 我的消息: news that did not go by WeChat (no acceptance left, or not worth one), newest first.
 * What is shown is marked read on the server once on screen; the 未读 mark stays until the next visit.
 */
export function createMessages(render: (change: Partial<MessagesState>) => void) {
  const markRead = (items: readonly ResidentMessageView[]) => {
    const unread = items.filter((m) => !m.read).map((m) => m.messageId);
    if (unread.length === 0) return;
    callApi('account.readMessages', { messageIds: unread }).catch((error: unknown) => console.warn('[messages] not marked read', toApiError(error).code));
  };
  return createPagedList({
    fetch: async (cursor) => {
      const page = await callApi('account.listMessages', pageRequest(cursor, { pageSize: MESSAGES_PAGE_SIZE }));
      markRead(page.items);
      return page;
    },
    toItem: messageItem,
    render,
  });
}
