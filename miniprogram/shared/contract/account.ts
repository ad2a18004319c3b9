import * as z from 'zod';
import { FONT_SCALES, type Profile } from '../domain/account';
import { isBindingCode, normalizeBindingCode } from '../domain/bindingCode';
import { action, namespaced } from './define';
import { cursor, pageSize } from './fields';

/** A notice waiting in 我的消息 (news that found no subscribe-message acceptance left, or was minor). */
export interface ResidentMessageView {
  messageId: string;
  event: string;
  title: string;
  body: string;
  /** The page it opens, with its query, e.g. `pages/opinion/index?opinionId=…`. */
  page: string;
  /** When, in Asia/Shanghai: `2026年11月18日 10:00`. */
  at: string;
  read: boolean;
}

/** The profile with the 我的消息 badge: the home page's first screen in one answer. */
export type ProfileWithUnread = Profile & {
  /** Unread messages in all, for the badge. */
  unread: number;
};

export interface MessagesPage {
  items: ResidentMessageView[];
  nextCursor: string | null;
  /** Unread messages in all, for the badge. */
  unread: number;
}

/** WeChat template ids the resident just allowed (wx.requestSubscribeMessage answered 'accept'). */
const templateIds = z
  .array(z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, '模板编号格式不正确'))
  .min(1)
  .max(3);

/** As the deputy types it: any case, spaces and dashes allowed. */
const bindingCode = z.string().max(32).transform(normalizeBindingCode).refine(isBindingCode, { message: '绑定码是8位字母和数字，请核对后重新输入' });

export const accountActions = namespaced('account', {
  /** The caller's roles and preferences, and the 我的消息 badge (what home shows first). */
  getProfile: action<ProfileWithUnread>()(z.strictObject({})),
  updatePreferences: action<Profile>()(z.strictObject({ fontScale: z.enum(FONT_SCALES) })),
  /** Makes the caller's WeChat account the deputy a one-time binding code was issued for. */
  bindDeputy: action<Profile>()(z.strictObject({ code: bindingCode })),
  /** Makes the caller's WeChat account the staff member or handler a one-time staff code was issued for. */
  bindStaff: action<Profile>()(z.strictObject({ code: bindingCode })),
  /**
   * Records the one-time subscribe messages the caller just allowed: one more message of each
   * template may be sent to them. Answers how many of each are now left.
   */
  grantSubscriptions: action<{ remaining: Record<string, number> }>()(z.strictObject({ templateIds })),
  /** 我的消息: the caller's waiting news, newest first, with the unread count. */
  listMessages: action<MessagesPage>()(z.strictObject({ cursor: cursor.optional(), pageSize: pageSize.optional() })),
  /** How many of the caller's messages are unread (the badge on 我的消息). */
  countUnread: action<{ unread: number }>()(z.strictObject({})),
  /** Marks the caller's messages read (those given, all when none are given); answers what is left unread. */
  readMessages: action<{ unread: number }>()(
    z.strictObject({
      messageIds: z
        .array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/))
        .max(50)
        .optional(),
    }),
  ),
});
