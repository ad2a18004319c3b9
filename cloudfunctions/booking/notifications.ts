import { formatBookingCode } from '../../miniprogram/shared/domain/bookingCode';
import { sendSubscribeMessage, type SubscribeMessage } from '../core/openapi';
import { MY_BOOKINGS_PAGE, templateIds } from './config';
import type { BookingDocument, DayDocument } from '../../infra/documents/booking';

/** `2026-12-15` + `09:00` → `2026年12月15日 09:00`, WeChat's time keyword format. */
function slotTime(booking: Pick<BookingDocument, 'date' | 'slotStart'>): string {
  const [year, month, day] = booking.date.split('-');
  return `${year}年${Number(month)}月${Number(day)}日 ${booking.slotStart}`;
}

type Notice = Pick<BookingDocument, 'openid' | 'stationName' | 'date' | 'slotStart' | 'code'>;

/** The reminder of a visit on `booking.date`, sent on `today` (the day before, or the same day when that run was missed). */
export function reminderMessage(booking: Notice, today: string): SubscribeMessage | null {
  if (!booking.openid) return null;
  const when = booking.date === today ? '今天' : '明天';
  return {
    touser: booking.openid,
    templateId: templateIds().reminder,
    page: MY_BOOKINGS_PAGE,
    data: { thing1: booking.stationName, time2: slotTime(booking), character_string3: formatBookingCode(booking.code), thing4: `${when}接待，到站后扫码签到` },
  };
}

export function promotedMessage(booking: Notice): SubscribeMessage | null {
  if (!booking.openid) return null;
  return {
    touser: booking.openid,
    templateId: templateIds().promoted,
    page: MY_BOOKINGS_PAGE,
    data: { thing1: booking.stationName, time2: slotTime(booking), character_string3: formatBookingCode(booking.code), thing4: '候补成功，已为您保留座位' },
  };
}

export function dayCancelledMessage(booking: Pick<BookingDocument, 'openid'>, day: Pick<DayDocument, 'stationName' | 'date' | 'cancelReason'>): SubscribeMessage | null {
  if (!booking.openid) return null;
  return {
    touser: booking.openid,
    templateId: templateIds().dayCancelled,
    page: MY_BOOKINGS_PAGE,
    data: { thing1: day.stationName, date2: day.date, thing3: day.cancelReason || '接待日调整，请另约时间' },
  };
}

/**
 * Sends the messages, each on its own: a resident who did not subscribe (WeChat 43101) or any
 * other failed send is logged and never undoes the booking change that caused it. Answers, in
 * the order given, whether each was sent (a null message is not).
 */
export async function deliver(messages: ReadonlyArray<SubscribeMessage | null>): Promise<boolean[]> {
  return Promise.all(
    messages.map(async (message) => {
      if (!message) return false;
      try {
        await sendSubscribeMessage(message);
        return true;
      } catch (error) {
        console.warn(`[booking] subscribe message ${message.templateId} not sent:`, error instanceof Error ? error.message : error);
        return false;
      }
    }),
  );
}
