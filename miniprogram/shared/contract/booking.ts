import * as z from 'zod';
import {
  NAME_MAX_LENGTH,
  RECEPTION_ITEM_MAX_LENGTH,
  RECEPTION_OPINION_TEXT_MIN,
  TOPIC_MAX_LENGTH,
  type MyBooking,
  type ReceptionDayView,
  type ReceptionRecordView,
  type RosterCounts,
  type RosterEntry,
} from '../domain/booking';
import { BOOKING_CODE_LENGTH, isBookingCode, normalizeBookingCode } from '../domain/bookingCode';
import type { DeputySummary, StationSummary } from '../domain/directory';
import { OPINION_CATEGORIES, textLength } from '../domain/opinion';
import { RULE_LIMITS, TIME_PATTERN, windowsProblem, type ReceptionRule } from '../domain/reception';
import { addDays } from '../domain/time';
import { action, namespaced } from './define';
import { calendarDate, clientRequestId, docId, lineText, paragraphText } from './fields';

const time = z.string().regex(TIME_PATTERN, '时间格式应为 HH:mm，如 09:00');
const window = z.strictObject({ start: time, end: time });

const slotMinutes = z.number().int().min(RULE_LIMITS.slotMinutes.min).max(RULE_LIMITS.slotMinutes.max);
const seatsPerSlot = z.number().int().min(RULE_LIMITS.seatsPerSlot.min).max(RULE_LIMITS.seatsPerSlot.max);
const deputyIds = z.array(docId).max(RULE_LIMITS.deputiesOnDuty);

/** The slot's start without the colon (`0930`), as `ReceptionDayView.slots[].id` gives it. */
const slotId = z.string().regex(/^([01]\d|2[0-3])[0-5]\d$/, '时段格式不正确');

/** Chosen by the mini-program once per booking attempt, so a retry after a lost answer books once. */

const topic = lineText().min(1).max(TOPIC_MAX_LENGTH);
const personName = lineText().min(1).max(NAME_MAX_LENGTH);
/** Checked by the use case (BOOKING.INVALID_PHONE), which also accepts spaces, dashes and +86. */
const phone = z.string().max(24);

const bookingCode = z
  .string()
  .max(BOOKING_CODE_LENGTH * 3)
  .transform(normalizeBookingCode)
  .refine(isBookingCode, { message: `预约码是${BOOKING_CODE_LENGTH}位字母和数字` });

const windowsWithin = <T extends { windows?: Array<{ start: string; end: string }>; slotMinutes?: number }>(value: T, ctx: z.RefinementCtx) => {
  if (!value.windows) return;
  const problem = windowsProblem(value.windows, value.slotMinutes ?? RULE_LIMITS.slotMinutes.min);
  if (problem) ctx.addIssue({ code: 'custom', path: ['windows'], message: problem });
};

export const receptionRuleSchema = z
  .strictObject({
    pattern: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('monthly'), dayOfMonth: z.number().int().min(1).max(28) }),
      z.strictObject({ kind: z.literal('weekly'), weekday: z.number().int().min(1).max(7) }),
    ]),
    windows: z.array(window).min(1).max(RULE_LIMITS.windows),
    slotMinutes,
    seatsPerSlot,
    deputyIds,
  })
  .superRefine(windowsWithin);

export const bookPayload = z.strictObject({
  dayId: docId,
  slotId,
  topic,
  name: personName,
  phone,
  /** The resident's choice: the deputies receiving them that day may see their phone in full (otherwise 138****5678). */
  shareContactWithDeputies: z.boolean().optional(),
  clientRequestId,
});

/**
 * What a visitor raised. `opinionId` names an item already turned into an opinion (as
 * `booking.getRecord` gave it), so writing the record again keeps it rather than converting twice.
 */
const receptionItem = z
  .strictObject({
    text: paragraphText().min(1).max(RECEPTION_ITEM_MAX_LENGTH),
    toOpinion: z.boolean(),
    category: z.enum(OPINION_CATEGORIES).optional(),
    opinionId: docId.optional(),
  })
  .refine((item) => !item.toOpinion || textLength(item.text) >= RECEPTION_OPINION_TEXT_MIN, {
    path: ['text'],
    message: `转为意见的事项请至少写${RECEPTION_OPINION_TEXT_MIN}个字，说清是什么问题`,
  });

// ---------------------------------------------------------------------------------------------
// Results

export interface DayDetail {
  day: ReceptionDayView;
  station: StationSummary;
  /** The deputies on duty that day. */
  deputies: DeputySummary[];
  /** The caller's booking or waitlist place on this day, if any. */
  mine: MyBooking | null;
  /**
   * Subscribe-message templates to ask the resident for (wx.requestSubscribeMessage, from the
   * tap that books): the day-before reminder, the waitlist promotion and a cancelled day.
   */
  notifyTemplateIds: string[];
}

export interface StationRule {
  stationId: string;
  rule: ReceptionRule;
  /** true while the station follows the default rule (每月15日) rather than one staff saved. */
  isDefault: boolean;
}

export interface SavedRule extends StationRule {
  /** Reception days added within the next three months. */
  created: number;
  /** Days without any booking that no longer matched and were removed or regenerated. */
  removed: number;
}

export interface CheckInQr {
  /** What the code carries: `c=<token>`, opening CHECK_IN_PAGE. */
  scene: string;
  page: string;
  fileID: string;
  /** A temporary HTTPS URL of the PNG, to show or print. */
  url: string;
}

export interface StationDays {
  days: ReceptionDayView[];
  /** The active deputies on duty on any of those days (`day.deputyIds` names them), by level and name. */
  deputies: DeputySummary[];
}

/** A visit as the reception record page needs it: who came, who was on duty, what was recorded so far. */
export interface VisitRecord {
  visit: RosterEntry;
  /** The deputies on duty that day. */
  deputies: DeputySummary[];
  /** null until the first `booking.recordReception`. */
  record: ReceptionRecordView | null;
}

export interface StationDaysInRange {
  days: ReceptionDayView[];
  /** Date → the holiday it falls on, for the listed days that fall on one. */
  holidayOn: Record<string, string>;
  /** Years of the range whose holidays nobody has recorded. */
  holidaysUnknownYears: number[];
}

/** How many days `booking.listStationDays` spans at most (a quarter). */
export const STATION_DAYS_RANGE_MAX = 92;

/** A station's days in a range: at most a quarter, the end not before the start. */
const stationDaysRange = z
  .strictObject({ stationId: docId, from: calendarDate, to: calendarDate })
  .refine((range) => range.from <= range.to, { path: ['to'], message: '结束日期不能早于开始日期' })
  .refine((range) => range.to < addDays(range.from, STATION_DAYS_RANGE_MAX), { path: ['to'], message: `一次最多查看${STATION_DAYS_RANGE_MAX}天` });

/** 接待安排's first screen in one answer: the rule, the days of the range, and who may be put on duty. */
export interface ScheduleScreen extends StationRule, StationDaysInRange {
  stationName: string;
  /** The active deputies who receive at the station, by rank. */
  deputies: DeputySummary[];
}

export interface DayRoster {
  day: ReceptionDayView;
  deputies: DeputySummary[];
  entries: RosterEntry[];
  counts: RosterCounts;
}

// ---------------------------------------------------------------------------------------------
// Actions

export const bookingActions = namespaced('booking', {
  /** Residents: a station's upcoming reception days with seats left per slot. */
  listDays: action<StationDays>()(z.strictObject({ stationId: docId })),
  getDay: action<DayDetail>()(z.strictObject({ dayId: docId })),
  book: action<{ booking: MyBooking }>()(bookPayload),
  /** When the slot is full; if a seat is free after all, the resident is simply booked. */
  joinWaitlist: action<{ booking: MyBooking; position: number | null }>()(bookPayload),
  cancel: action<{ booking: MyBooking }>()(z.strictObject({ bookingId: docId })),
  listMine: action<{ upcoming: MyBooking[]; past: MyBooking[] }>()(z.strictObject({})),
  /** The resident scans the station's check-in code on the day. */
  checkIn: action<{ booking: MyBooking }>()(z.strictObject({ scene: z.string().min(1).max(64) })),

  /** Staff of the station (or an area above it). */
  getRule: action<StationRule>()(z.strictObject({ stationId: docId })),
  saveRule: action<SavedRule>()(z.strictObject({ stationId: docId, rule: receptionRuleSchema })),
  addDay: action<{ day: ReceptionDayView }>()(
    z
      .strictObject({
        stationId: docId,
        date: calendarDate,
        windows: z.array(window).min(1).max(RULE_LIMITS.windows).optional(),
        slotMinutes: slotMinutes.optional(),
        seatsPerSlot: seatsPerSlot.optional(),
        deputyIds: deputyIds.optional(),
      })
      .superRefine(windowsWithin),
  ),
  cancelDay: action<{ day: ReceptionDayView; cancelledBookings: number }>()(z.strictObject({ dayId: docId, reason: lineText().max(60).optional() })),
  setRoster: action<{ day: ReceptionDayView }>()(z.strictObject({ dayId: docId, deputyIds })),
  getCheckInQr: action<CheckInQr>()(z.strictObject({ stationId: docId, rotate: z.boolean().optional() })),
  /**
   * Staff: every day of a station in a date range (both ends included), past and cancelled ones too,
   * with what the holiday calendar says of them: the holiday a day falls on, and the years of the range
   * whose holidays nobody has recorded (days there were not moved off holidays).
   */
  listStationDays: action<StationDaysInRange>()(stationDaysRange),
  /**
   * 接待安排 first screen, staff of the station (or an area above it): getRule, listStationDays over
   * the range, and the station's name and deputies for the duty picker, in one call.
   */
  scheduleScreen: action<ScheduleScreen>()(stationDaysRange),
  getRoster: action<DayRoster>()(z.strictObject({ dayId: docId })),
  staffCheckIn: action<{ entry: RosterEntry }>()(z.strictObject({ code: bookingCode })),
  addWalkIn: action<{ entry: RosterEntry }>()(z.strictObject({ dayId: docId, name: personName, phone: phone.optional(), topic, clientRequestId })),
  /** Staff, or a deputy on duty that day: the visit and its record so far, to write or edit it. */
  getRecord: action<VisitRecord>()(z.strictObject({ bookingId: docId })),
  /** Staff, or a deputy on duty that day: what a visitor raised. */
  recordReception: action<{ record: ReceptionRecordView }>()(
    z.strictObject({
      bookingId: docId,
      deputyIds,
      items: z.array(receptionItem).min(1).max(20),
      note: paragraphText().max(500).optional(),
    }),
  ),
});
