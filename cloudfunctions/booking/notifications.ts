import { formatBookingCode } from '../../miniprogram/shared/domain/bookingCode';
import type { Database } from '../core/cloud';
import { notifyResident, type ResidentNotice } from '../core/residentNotice';
import { MY_BOOKINGS_PAGE, templateIds } from './config';
import type { BookingDocument, DayDocument } from '../../infra/documents/booking';

/** `2026-12-15` + `09:00` → `2026年12月15日 09:00`, WeChat's time keyword format. */
function slotTime(booking: Pick<BookingDocument, 'date' | 'slotStart'>): string {
  const [year, month, day] = booking.date.split('-');
  return `${year}年${Number(month)}月${Number(day)}日 ${booking.slotStart}`;
}

type Notice = Pick<BookingDocument, 'openid' | 'stationName' | 'date' | 'slotStart' | 'code'>;

/** The reminder of a visit on `booking.date`, sent on `today` (the day before, or the same day when that run was missed). */
export function reminderMessage(booking: Notice, today: string): ResidentNotice | null {
  if (!booking.openid) return null;
  const when = booking.date === today ? '今天' : '明天';
  return {
    message: {
      touser: booking.openid,
      templateId: templateIds().reminder,
      page: MY_BOOKINGS_PAGE,
      data: { thing1: booking.stationName, time2: slotTime(booking), character_string3: formatBookingCode(booking.code), thing4: `${when}接待，到站后扫码签到` },
    },
    worth: 'key',
    event: 'booking.reminder',
    title: `${when}接待：${booking.stationName}`,
    body: `${slotTime(booking)}，预约码 ${formatBookingCode(booking.code)}，到站后扫码签到。`,
  };
}

export function promotedMessage(booking: Notice): ResidentNotice | null {
  if (!booking.openid) return null;
  return {
    message: {
      touser: booking.openid,
      templateId: templateIds().promoted,
      page: MY_BOOKINGS_PAGE,
      data: { thing1: booking.stationName, time2: slotTime(booking), character_string3: formatBookingCode(booking.code), thing4: '候补成功，已为您保留座位' },
    },
    worth: 'key',
    event: 'booking.promoted',
    title: `候补成功：${booking.stationName}`,
    body: `${slotTime(booking)}，已为您保留座位，预约码 ${formatBookingCode(booking.code)}。`,
  };
}

export function dayCancelledMessage(booking: Pick<BookingDocument, 'openid'>, day: Pick<DayDocument, 'stationName' | 'date' | 'cancelReason'>): ResidentNotice | null {
  if (!booking.openid) return null;
  const reason = day.cancelReason || '接待日调整，请另约时间';
  return {
    message: { touser: booking.openid, templateId: templateIds().dayCancelled, page: MY_BOOKINGS_PAGE, data: { thing1: day.stationName, date2: day.date, thing3: reason } },
    worth: 'key',
    event: 'booking.dayCancelled',
    title: `接待日取消：${day.stationName}`,
    body: `${day.date} 的接待取消了（${reason}），您的预约已取消。`,
  };
}

/**
 * Tells each resident through the subscription budget (core/residentNotice): a message when they
 * allowed one, else the message list; never undoes the booking change that caused it. Answers, in
 * the order given, whether each went by WeChat (a null notice did not).
 */
export async function deliver(db: Database, notices: ReadonlyArray<ResidentNotice | null>, now: Date): Promise<boolean[]> {
  return Promise.all(notices.map(async (notice) => (notice ? (await notifyResident(db, notice, now)) === 'sent' : false)));
}
