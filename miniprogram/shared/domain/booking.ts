/**
 * A resident's visit on a reception day, as residents and staff see it: statuses, the views
 * the booking actions answer, and the rules both sides apply (who may cancel until when).
 */
import type { OpinionCategory } from './opinion';
import { isMobileNumber } from './phone';
import { tokenScene } from './scene';
import { slotStartsAt, type Slot, type SlotState, type TimeWindow } from './reception';

export const BOOKING_STATUSES = ['waiting', 'booked', 'cancelled', 'checkedIn', 'noShow', 'lapsed'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  waiting: '候补中',
  booked: '已预约',
  cancelled: '已取消',
  checkedIn: '已签到',
  noShow: '未到',
  lapsed: '候补未成功',
};

/** Statuses that hold the resident's one place on the day (a seat, or a place in the waitlist). */
export const ACTIVE_STATUSES: readonly BookingStatus[] = ['waiting', 'booked'];

/** `online`: booked in the mini-program; `walkIn`: registered by staff at the station. */
export type VisitKind = 'online' | 'walkIn';

export const TOPIC_MAX_LENGTH = 100;
export const NAME_MAX_LENGTH = 20;

/**
 * A mainland mobile number as typed ("138 1234 5678", "+86 138-1234-5678"), reduced to its
 * 11 digits; null when it is not one.
 */
export function normalizeMobile(text: string): string | null {
  const digits = text.replace(/[\s-]+/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
  return isMobileNumber(digits) ? digits : null;
}

/** A reception day with its bookable slots, as the booking pages show it. */
export interface ReceptionDayView {
  _id: string;
  stationId: string;
  stationName: string;
  date: string;
  /** The rule's date before a weekend or holiday moved it; equal to `date` when it did not move. */
  nominalDate: string;
  windows: TimeWindow[];
  deputyIds: string[];
  cancelled: boolean;
  slots: SlotView[];
}

export interface SlotView extends Slot {
  state: SlotState;
}

/** One of the caller's own bookings (or waitlist places). */
export interface MyBooking {
  _id: string;
  /** Shown at the station, scanned or typed by staff; see bookingCode.ts. */
  code: string;
  status: BookingStatus;
  statusLabel: string;
  dayId: string;
  stationId: string;
  stationName: string;
  stationAddress: string;
  date: string;
  slotId: string;
  slotStart: string;
  slotEnd: string;
  topic: string;
  name: string;
  phone: string;
  /** Checked in after the slot ended. */
  late: boolean;
  /** Whether `booking.cancel` would be accepted now. */
  cancellable: boolean;
  /** ISO 8601. */
  createdAt: string;
}

/** A visitor on a day's roster, as staff see it. */
export interface RosterEntry {
  _id: string;
  code: string;
  kind: VisitKind;
  status: BookingStatus;
  statusLabel: string;
  name: string;
  phone: string;
  topic: string;
  slotId: string;
  slotStart: string;
  slotEnd: string;
  late: boolean;
  /** ISO 8601, when checked in. */
  checkedInAt: string | null;
  /** Whether a reception record has been written for this visit. */
  recorded: boolean;
}

export interface RosterCounts {
  booked: number;
  waiting: number;
  checkedIn: number;
  walkIns: number;
  noShow: number;
  cancelled: number;
}

export function rosterCounts(entries: readonly Pick<RosterEntry, 'kind' | 'status'>[]): RosterCounts {
  const counts: RosterCounts = { booked: 0, waiting: 0, checkedIn: 0, walkIns: 0, noShow: 0, cancelled: 0 };
  for (const entry of entries) {
    if (entry.kind === 'walkIn') counts.walkIns += 1;
    else if (entry.status === 'booked') counts.booked += 1;
    else if (entry.status === 'waiting') counts.waiting += 1;
    else if (entry.status === 'checkedIn') counts.checkedIn += 1;
    else if (entry.status === 'noShow') counts.noShow += 1;
    else if (entry.status === 'cancelled') counts.cancelled += 1;
  }
  return counts;
}

/** A resident may cancel a seat or leave the waitlist until the slot starts. */
export function isCancellable(booking: { status: BookingStatus; date: string; slotStart: string }, now: Date): boolean {
  return ACTIVE_STATUSES.includes(booking.status) && now.getTime() < slotStartsAt(booking.date, booking.slotStart).getTime();
}

/** "My bookings" splits at the end of the slot: until then a visit is upcoming. */
export function isUpcoming(booking: { status: BookingStatus; date: string; slotEnd: string }, now: Date): boolean {
  return booking.status !== 'cancelled' && booking.status !== 'lapsed' && now.getTime() < slotStartsAt(booking.date, booking.slotEnd).getTime();
}

/** An item raised in a visit; `toOpinion` asks for it to enter the opinion handling loop in the visitor's name. */
export interface ReceptionItem {
  text: string;
  toOpinion: boolean;
  /** The opinion's category when it becomes one (`other` unless chosen). */
  category: OpinionCategory;
  /** The opinion it became, once converted: it stays converted whenever the record is written again. */
  opinionId: string | null;
  /** The opinion's tracking number, to tell the visitor. */
  trackingNo: string | null;
}

/** An item's text: staff shorthand may be short. */
export const RECEPTION_ITEM_MAX_LENGTH = 500;
/**
 * An item turned into an opinion must say what the problem is in at least this many characters
 * ("小区路灯坏了"); a resident writing online needs OPINION_TEXT_MIN (10), but a deputy noting a visit
 * writes tersely and was there to hear the rest.
 */
export const RECEPTION_OPINION_TEXT_MIN = 5;

export interface ReceptionRecordView {
  _id: string;
  bookingId: string;
  dayId: string;
  stationId: string;
  visitorName: string;
  deputyIds: string[];
  items: ReceptionItem[];
  note: string;
  /** ISO 8601. */
  recordedAt: string;
}

/**
 * The scene of a station's check-in code (`c=<token>`): the token is a random secret of the
 * station, so only someone standing before the poster can check in.
 */
export const CHECK_IN_TOKEN_PATTERN = /^[A-Za-z0-9]{12}$/;
export const CHECK_IN_PAGE = 'pages/check-in/index';

/** `checkInTokenOf`: the token a scanned check-in scene carries, or null. */
export const { encode: checkInScene, decode: checkInTokenOf } = tokenScene('c', CHECK_IN_TOKEN_PATTERN, 'check-in token');
