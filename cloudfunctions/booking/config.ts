/**
 * Configuration of the booking function, from its environment variables (set in the CloudBase
 * console, or by the local runtime's process). Read per call so a changed variable applies at once.
 * Template ids come from the mini-program admin (订阅消息 → 选用模板); the defaults only name the
 * templates locally. Each template's keywords must be the ones listed, or WeChat refuses the send.
 */
import { templateId } from '../core/templates';

/** 预约提醒, the day before: thing1 station, time2 slot, character_string3 booking code, thing4 note. */
export const DEFAULT_REMINDER_TEMPLATE_ID = 'lxq-booking-reminder';
/** 候补成功通知, when a cancellation gives a waiting resident the seat: same keywords. */
export const DEFAULT_PROMOTED_TEMPLATE_ID = 'lxq-booking-promoted';
/** 预约取消通知, when staff cancel a reception day: thing1 station, date2 day, thing3 reason. */
export const DEFAULT_DAY_CANCELLED_TEMPLATE_ID = 'lxq-booking-day-cancelled';

export interface TemplateIds {
  reminder: string;
  promoted: string;
  dayCancelled: string;
}

export function templateIds(): TemplateIds {
  return {
    reminder: templateId('BOOKING_REMINDER_TEMPLATE_ID', DEFAULT_REMINDER_TEMPLATE_ID),
    promoted: templateId('BOOKING_PROMOTED_TEMPLATE_ID', DEFAULT_PROMOTED_TEMPLATE_ID),
    dayCancelled: templateId('BOOKING_DAY_CANCELLED_TEMPLATE_ID', DEFAULT_DAY_CANCELLED_TEMPLATE_ID),
  };
}

/** The page a booking message opens: the resident's bookings. */
export const MY_BOOKINGS_PAGE = 'pages/my-bookings/index';

/** The timer trigger declared in config.json; only this trigger runs the daily jobs. */
export const DAILY_TRIGGER_NAME = 'bookingDaily';
