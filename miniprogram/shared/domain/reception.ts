/**
 * How a liaison station receives residents: its reception rule, the time windows of a
 * reception day and the bookable slots they split into. Times are Asia/Shanghai wall-clock
 * times (`HH:mm`), dates Shanghai calendar dates (`YYYY-MM-DD`).
 */
import { SHANGHAI_OFFSET_MINUTES, shanghaiInstant } from './time';

export interface TimeWindow {
  start: string;
  end: string;
}

/** When the reception day recurs: a day of the month (1–28, so every month has it) or an ISO weekday (1 = Monday). */
export type ReceptionPattern = { kind: 'monthly'; dayOfMonth: number } | { kind: 'weekly'; weekday: number };

export interface ReceptionRule {
  pattern: ReceptionPattern;
  windows: TimeWindow[];
  slotMinutes: number;
  seatsPerSlot: number;
  /** Deputies put on duty on newly generated days; staff change a day's roster one by one. */
  deputyIds: string[];
}

/** 每月15日代表接待选民日: what a station without a rule of its own follows. */
export const DEFAULT_RECEPTION_RULE: ReceptionRule = {
  pattern: { kind: 'monthly', dayOfMonth: 15 },
  windows: [
    { start: '09:00', end: '11:30' },
    { start: '14:30', end: '17:00' },
  ],
  slotMinutes: 30,
  seatsPerSlot: 3,
  deputyIds: [],
};

/** How far ahead reception days are generated. */
export const SCHEDULE_HORIZON_MONTHS = 3;

export const RULE_LIMITS = {
  windows: 4,
  slotMinutes: { min: 10, max: 240 },
  seatsPerSlot: { min: 1, max: 200 },
  deputiesOnDuty: 10,
} as const;

export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

export function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

export function timeOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Why a list of windows cannot be used, in words for the staff form; null when it can. */
export function windowsProblem(windows: readonly TimeWindow[], slotMinutes: number): string | null {
  if (windows.length === 0) return '请至少设置一个接待时段';
  if (windows.length > RULE_LIMITS.windows) return `最多设置${RULE_LIMITS.windows}个接待时段`;
  const sorted = [...windows].sort((a, b) => minutesOf(a.start) - minutesOf(b.start));
  for (const [i, window] of sorted.entries()) {
    if (!TIME_PATTERN.test(window.start) || !TIME_PATTERN.test(window.end)) return '时间格式应为 HH:mm，如 09:00';
    if (minutesOf(window.end) - minutesOf(window.start) < slotMinutes) return `${window.start}–${window.end} 不足一个预约时长（${slotMinutes}分钟）`;
    const previous = sorted[i - 1];
    if (previous && minutesOf(window.start) < minutesOf(previous.end)) return `${previous.start}–${previous.end} 与 ${window.start}–${window.end} 重叠`;
  }
  return null;
}

/** A bookable slot of a reception day. `id` is its start time without the colon, unique within the day. */
export interface Slot {
  id: string;
  start: string;
  end: string;
  seats: number;
  seatsLeft: number;
}

/**
 * The slots the windows split into, in time order. A window's remainder shorter than one slot
 * is not offered (09:00–11:30 in 20-minute slots ends with 11:00–11:20).
 */
export function slotsFor(windows: readonly TimeWindow[], slotMinutes: number, seatsPerSlot: number): Slot[] {
  const slots: Slot[] = [];
  const sorted = [...windows].sort((a, b) => minutesOf(a.start) - minutesOf(b.start));
  for (const window of sorted) {
    const end = minutesOf(window.end);
    for (let start = minutesOf(window.start); start + slotMinutes <= end; start += slotMinutes) {
      const from = timeOf(start);
      slots.push({ id: from.replace(':', ''), start: from, end: timeOf(start + slotMinutes), seats: seatsPerSlot, seatsLeft: seatsPerSlot });
    }
  }
  return slots;
}

/** Whether a resident may take a seat in a slot now. */
export type SlotState = 'open' | 'full' | 'started' | 'cancelled';

export function slotState(day: { date: string; cancelled: boolean }, slot: Pick<Slot, 'start' | 'seatsLeft'>, now: Date): SlotState {
  if (day.cancelled) return 'cancelled';
  if (now.getTime() >= slotStartsAt(day.date, slot.start).getTime()) return 'started';
  return slot.seatsLeft > 0 ? 'open' : 'full';
}

/** The Shanghai wall-clock time of an instant, HH:mm. */
export function shanghaiTimeOfDay(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MINUTES * 60_000).toISOString().slice(11, 16);
}

export function slotStartsAt(date: string, start: string): Date {
  return shanghaiInstant(date, start);
}

export const SLOT_STATE_LABELS: Record<SlotState, string> = {
  open: '可预约',
  full: '已约满',
  started: '已开始',
  cancelled: '已取消',
};
