import {
  BOOKING_STATUS_LABELS,
  isCancellable,
  type BookingStatus,
  type MyBooking,
  type ReceptionDayView,
  type ReceptionItem,
  type ReceptionRecordView,
  type RosterEntry,
  type VisitKind,
} from '../../miniprogram/shared/domain/booking';
import { slotState, type ReceptionRule, type Slot, type TimeWindow } from '../../miniprogram/shared/domain/reception';
import type { VisitCount } from '../../cloudfunctions/core/visitCounts';

/** A station as the booking function reads it. */
export interface StationRef {
  _id: string;
  code: string;
  name: string;
  address: string;
  areaPath: string[];
  active: boolean;
}

export const STATION_REF_FIELDS = { _id: 1, code: 1, name: 1, address: 1, areaPath: 1, active: 1 } as const;
/** DeputySummary and StationSummary, as the directory shows them. */
export const DEPUTY_SUMMARY_FIELDS = { _id: 1, code: 1, name: 1, level: 1, photoUrl: 1 } as const;
export const STATION_SUMMARY_FIELDS = { _id: 1, code: 1, name: 1, areaId: 1, address: 1 } as const;

/** `reception_rules`: one per station that has a rule or a check-in code; `_id` is the station's id. */
export interface RuleDocument {
  _id: string;
  /** Absent while the station follows the default rule (每月15日). */
  rule?: ReceptionRule;
  /** The secret in the station's check-in code (`c=<token>`). */
  checkInToken: string;
  updatedAt: Date;
  updatedBy: string;
}

/**
 * `reception_days`: one per station and date (`rd-<station code>-<date>`). The station's name,
 * address and area are copied in so a booking needs no join; `slots[i].seatsLeft` is the
 * capacity guard, only ever changed by conditional `_.inc`.
 */
export interface DayDocument {
  _id: string;
  stationId: string;
  stationCode: string;
  stationName: string;
  stationAddress: string;
  areaPath: string[];
  date: string;
  nominalDate: string;
  windows: TimeWindow[];
  deputyIds: string[];
  cancelled: boolean;
  cancelReason?: string;
  slotMinutes: number;
  slots: Slot[];
  /** Seats taken across all slots: 0 means nobody booked, so a rule change may replace the day. */
  taken: number;
  /** Raised when a cancelled day is restored, so bookings cancelled with it never block rebooking. */
  epoch: number;
  /** `rule`: generated from the station's rule; `manual`: added by staff. */
  source: 'rule' | 'manual';
  createdAt: Date;
  updatedAt?: Date;
  /** The visit counters' record of the day (cloudfunctions/core/visitCounters.ts). */
  visited?: boolean;
  visitsCounted?: VisitCount | null;
  visitsMark?: number;
  visitsStale?: boolean;
}

/**
 * `bookings`: a resident's seat or waitlist place, or a walk-in registered by staff.
 * `_id` derives from who asked and their clientRequestId, so a retried request finds the first.
 */
export interface BookingDocument {
  _id: string;
  code: string;
  kind: VisitKind;
  /** The resident; null for a walk-in. */
  openid: string | null;
  status: BookingStatus;
  /**
   * `openid|dayId#epoch` (unique): one booking per resident per day. The resident cancelling
   * changes it to the booking's _id, freeing the day; a walk-in has a key of its own.
   */
  activeKey: string;
  dayId: string;
  epoch: number;
  stationId: string;
  stationName: string;
  stationAddress: string;
  areaPath: string[];
  date: string;
  slotId: string;
  slotIndex: number;
  slotStart: string;
  slotEnd: string;
  name: string;
  phone: string;
  /** The resident chose to let the deputies receiving them see their phone in full; absent (walk-ins, older bookings) means no. */
  shareContactWithDeputies?: boolean;
  topic: string;
  /** Waitlist order. */
  queuedAt: Date;
  createdAt: Date;
  updatedAt: Date;
  cancelledAt?: Date;
  cancelReason?: 'resident' | 'dayCancelled';
  promotedAt?: Date;
  checkedInAt?: Date;
  checkedInBy?: 'qr' | 'staff';
  late?: boolean;
  /** The timer run that claimed this booking's day-before reminder: set once, never sent twice. */
  reminderRun?: string;
  remindedAt?: Date;
}

/** `reception_records`: what was raised in one visit, `_id` = `rr-<bookingId>`. */
export interface RecordDocument {
  _id: string;
  bookingId: string;
  dayId: string;
  stationId: string;
  areaPath: string[];
  /** The resident the visit was booked by (null for a walk-in): opinions made from items are in their name. */
  visitorOpenid: string | null;
  visitorName: string;
  visitorPhone: string;
  deputyIds: string[];
  items: ReceptionItem[];
  note: string;
  recordedBy: string;
  recordedAt: Date;
}

/** Where in the day a booking sits: a slot it took, or a walk-in's arrival time (no slot, index -1). */
export interface BookedSlot {
  id: string;
  index: number;
  start: string;
  end: string;
}

export const walkInSlot = (arrival: string): BookedSlot => ({ id: '', index: -1, start: arrival, end: arrival });

export type BookingFields = Pick<
  BookingDocument,
  '_id' | 'code' | 'kind' | 'openid' | 'status' | 'activeKey' | 'name' | 'phone' | 'shareContactWithDeputies' | 'topic' | 'queuedAt' | 'createdAt' | 'updatedAt'
>;

/** A booking of a reception day: the day's station and date, the slot, and what the visit itself says; check-in or cancellation fields come after. */
export function bookingOnDay(day: DayDocument, slot: BookedSlot, fields: BookingFields): BookingDocument {
  return {
    _id: fields._id,
    code: fields.code,
    kind: fields.kind,
    openid: fields.openid,
    status: fields.status,
    activeKey: fields.activeKey,
    dayId: day._id,
    epoch: day.epoch,
    stationId: day.stationId,
    stationName: day.stationName,
    stationAddress: day.stationAddress,
    areaPath: day.areaPath,
    date: day.date,
    slotId: slot.id,
    slotIndex: slot.index,
    slotStart: slot.start,
    slotEnd: slot.end,
    name: fields.name,
    phone: fields.phone,
    ...(fields.shareContactWithDeputies === undefined ? {} : { shareContactWithDeputies: fields.shareContactWithDeputies }),
    topic: fields.topic,
    queuedAt: fields.queuedAt,
    createdAt: fields.createdAt,
    updatedAt: fields.updatedAt,
  };
}

export function recordIdFor(bookingId: string): string {
  return `rr-${bookingId}`;
}

export const iso = (value: Date | string): string => new Date(value).toISOString();

/** `openid|dayId#epoch`: the unique key that allows one active booking per resident per day. */
export function activeKeyFor(openid: string, day: Pick<DayDocument, '_id' | 'epoch'>): string {
  return `${openid}|${day._id}#${day.epoch}`;
}

export function dayView(day: DayDocument, now: Date): ReceptionDayView {
  return {
    _id: day._id,
    stationId: day.stationId,
    stationName: day.stationName,
    date: day.date,
    nominalDate: day.nominalDate,
    windows: day.windows,
    deputyIds: day.deputyIds,
    cancelled: day.cancelled,
    slots: day.slots.map((slot) => ({ ...slot, state: slotState(day, slot, now) })),
  };
}

export function myBooking(booking: BookingDocument, now: Date): MyBooking {
  return {
    _id: booking._id,
    code: booking.code,
    status: booking.status,
    statusLabel: BOOKING_STATUS_LABELS[booking.status],
    dayId: booking.dayId,
    stationId: booking.stationId,
    stationName: booking.stationName,
    stationAddress: booking.stationAddress,
    date: booking.date,
    slotId: booking.slotId,
    slotStart: booking.slotStart,
    slotEnd: booking.slotEnd,
    topic: booking.topic,
    name: booking.name,
    phone: booking.phone,
    late: booking.late === true,
    cancellable: isCancellable(booking, now),
    createdAt: iso(booking.createdAt),
  };
}

export function rosterEntry(booking: BookingDocument, recorded: boolean): RosterEntry {
  return {
    _id: booking._id,
    code: booking.code,
    kind: booking.kind,
    status: booking.status,
    statusLabel: BOOKING_STATUS_LABELS[booking.status],
    name: booking.name,
    phone: booking.phone,
    topic: booking.topic,
    slotId: booking.slotId,
    slotStart: booking.slotStart,
    slotEnd: booking.slotEnd,
    late: booking.late === true,
    checkedInAt: booking.checkedInAt ? iso(booking.checkedInAt) : null,
    recorded,
  };
}

export function recordView(record: RecordDocument): ReceptionRecordView {
  return {
    _id: record._id,
    bookingId: record.bookingId,
    dayId: record.dayId,
    stationId: record.stationId,
    visitorName: record.visitorName,
    deputyIds: record.deputyIds,
    items: record.items,
    note: record.note,
    recordedAt: iso(record.recordedAt),
  };
}
