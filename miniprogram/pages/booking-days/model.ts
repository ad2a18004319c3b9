import type { ReceptionDayView, SlotView } from '../../shared/domain/booking';
import type { DeputySummary } from '../../shared/domain/directory';
import { callApi } from '../../services/api';
import { formatReceptionDate } from '../../utils/date';
import { failed, loading, settle, type Loaded } from '../../utils/load-state';

/** What a resident can do with a slot: take a seat, queue for one, or nothing any more. */
export type SlotAction = 'book' | 'waitlist' | 'none';

export interface SlotItem {
  id: string;
  timeLabel: string;
  /** 剩3个名额 / 已满 / 已开始 */
  seatsLabel: string;
  action: SlotAction;
}

export interface DayItem {
  id: string;
  /** 12月15日 周二 */
  dateLabel: string;
  /** Why the day is not the rule's day: a weekend or holiday moved it. */
  movedLabel: string;
  deputiesLabel: string;
  /** The deputy whose page the resident came from is on duty that day. */
  withDeputy: boolean;
  /** Slots still open, and whether any full one can be queued for: the day's one-line summary. */
  openCount: number;
  canQueue: boolean;
  slots: SlotItem[];
}

export interface BookingDaysView {
  stationName: string;
  deputyName: string;
  days: DayItem[];
}

export type BookingDaysState = Loaded<BookingDaysView>;

export const initialBookingDaysState = loading<BookingDaysView>;

export function slotItem(slot: SlotView): SlotItem {
  const timeLabel = `${slot.start}–${slot.end}`;
  if (slot.state === 'open') return { id: slot.id, timeLabel, seatsLabel: `剩${slot.seatsLeft}个名额`, action: 'book' };
  if (slot.state === 'full') return { id: slot.id, timeLabel, seatsLabel: '已满', action: 'waitlist' };
  return { id: slot.id, timeLabel, seatsLabel: slot.state === 'started' ? '已开始' : '已取消', action: 'none' };
}

export function dayItem(day: ReceptionDayView, deputyNames: ReadonlyMap<string, string>, deputyId = ''): DayItem {
  const slots = day.slots.map(slotItem);
  const names = day.deputyIds.map((id) => deputyNames.get(id)).filter((name): name is string => !!name);
  return {
    id: day._id,
    dateLabel: formatReceptionDate(day.date),
    movedLabel: day.nominalDate !== day.date ? `原定${formatReceptionDate(day.nominalDate)}，遇周末或节假日顺延` : '',
    deputiesLabel: names.length > 0 ? `值班代表：${names.join('、')}` : '',
    withDeputy: !!deputyId && day.deputyIds.includes(deputyId),
    openCount: slots.filter((slot) => slot.action === 'book').length,
    canQueue: slots.some((slot) => slot.action === 'waitlist'),
    slots,
  };
}

export function toBookingDaysView(stationName: string, days: readonly ReceptionDayView[], deputies: readonly DeputySummary[], deputyId = ''): BookingDaysView {
  const names = new Map(deputies.map((deputy) => [deputy._id, deputy.name]));
  return {
    stationName,
    deputyName: names.get(deputyId) ?? '',
    days: days.map((day) => dayItem(day, names, deputyId)),
  };
}

/** The day shown open: the first the resident can still book or queue for. */
export function firstBookableDay(view: BookingDaysView | null): string {
  const day = view?.days.find((d) => d.slots.some((slot) => slot.action !== 'none')) ?? view?.days[0];
  return day?.id ?? '';
}

/** The station's days with seats left and who is on duty, in one call (the days name their station). */
export function loadBookingDays(stationId: string | undefined, deputyId = ''): Promise<BookingDaysState> {
  if (!stationId) return Promise.resolve(failed('COMMON.NOT_FOUND'));
  return settle(
    () => callApi('booking.listDays', { stationId }),
    ({ days, deputies }) => toBookingDaysView(days[0]?.stationName ?? '', days, deputies, deputyId),
    (view) => view.days.length === 0,
  );
}
