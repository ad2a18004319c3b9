/** How bookings read on screen: the pieces the booking, my-bookings and check-in pages share. */
import type { BookingStatus, MyBooking } from '../shared/domain/booking';
import { formatBookingCode } from '../shared/domain/bookingCode';
import { formatReceptionDate } from '../utils/date';

/**
 * Code 39 patterns, one per character a booking code can hold, plus `*` (start and stop): nine
 * elements, bar and space alternating from a bar, 1 = wide. wx.scanCode reads CODE_39, and a
 * barcode drawn with views costs no image download on a weak network.
 */
const CODE_39: Record<string, string> = {
  '2': '001100001',
  '3': '101100000',
  '4': '000110001',
  '5': '100110000',
  '6': '001110000',
  '7': '000100101',
  '8': '100100100',
  '9': '001100100',
  A: '100001001',
  B: '001001001',
  C: '101001000',
  D: '000011001',
  E: '100011000',
  F: '001011000',
  G: '000001101',
  H: '100001100',
  J: '000011100',
  K: '100000011',
  M: '101000010',
  N: '000010011',
  P: '001010010',
  Q: '000000111',
  R: '100000110',
  S: '001000110',
  T: '000010110',
  U: '110000001',
  V: '011000001',
  W: '111000000',
  X: '010010001',
  Y: '110010000',
  Z: '011010000',
  '*': '010010100',
};

/** One bar (or space) of a barcode, `w` narrow modules wide. */
export interface Bar {
  bar: boolean;
  w: number;
}

/** `code` as Code 39 between quiet zones; [] for a code it cannot carry. */
export function code39(code: string): Bar[] {
  const chars = `*${code}*`.split('');
  if (!code || chars.some((char) => !CODE_39[char])) return [];
  const bars: Bar[] = [{ bar: false, w: 10 }];
  chars.forEach((char, i) => {
    if (i > 0) bars.push({ bar: false, w: 1 });
    for (const [k, wide] of (CODE_39[char] as string).split('').entries()) bars.push({ bar: k % 2 === 0, w: wide === '1' ? 3 : 1 });
  });
  bars.push({ bar: false, w: 10 });
  return bars;
}

/** A booking code as staff read it out (ABC-234) and scan it. */
export interface BookingCodeView {
  label: string;
  bars: Bar[];
}

export function bookingCodeView(code: string): BookingCodeView {
  return { label: formatBookingCode(code), bars: code39(code) };
}

export type TagTheme = 'default' | 'primary' | 'warning' | 'danger' | 'success';

export const STATUS_THEMES: Record<BookingStatus, TagTheme> = {
  waiting: 'warning',
  booked: 'primary',
  cancelled: 'default',
  checkedIn: 'success',
  noShow: 'danger',
  lapsed: 'default',
};

/** 12月15日 周二 09:00–09:30 */
export function whenLabel(date: string, start: string, end: string): string {
  return `${formatReceptionDate(date)} ${start}–${end}`;
}

export interface BookingItem {
  id: string;
  whenLabel: string;
  stationName: string;
  stationAddress: string;
  topic: string;
  status: BookingStatus;
  statusLabel: string;
  statusTheme: TagTheme;
  late: boolean;
  code: BookingCodeView;
  /** A seat or a waitlist place: the code is worth showing. */
  active: boolean;
  cancellable: boolean;
  /** Booked for today: the resident may scan the station's check-in code now. */
  canCheckIn: boolean;
}

export function bookingItem(booking: MyBooking, today: string): BookingItem {
  return {
    id: booking._id,
    whenLabel: whenLabel(booking.date, booking.slotStart, booking.slotEnd),
    stationName: booking.stationName,
    stationAddress: booking.stationAddress,
    topic: booking.topic,
    status: booking.status,
    statusLabel: booking.statusLabel,
    statusTheme: STATUS_THEMES[booking.status] ?? 'default',
    late: booking.late,
    code: bookingCodeView(booking.code),
    active: booking.status === 'booked' || booking.status === 'waiting',
    cancellable: booking.cancellable,
    canCheckIn: booking.status === 'booked' && booking.date === today,
  };
}
