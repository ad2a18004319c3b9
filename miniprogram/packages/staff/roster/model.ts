import { appClock } from '../../../services/clock';
import type { DayRoster } from '../../../shared/contract/booking';
import { BOOKING_STATUS_LABELS, type ReceptionDayView, type RosterCounts, type RosterEntry } from '../../../shared/domain/booking';
import { formatBookingCode, isBookingCode, normalizeBookingCode } from '../../../shared/domain/bookingCode';
import { addDays, shanghaiDate } from '../../../shared/domain/time';
import { callApi, toApiError } from '../../../services/api';
import { scanCode } from '../../../services/wx';
import { formatDateTime, formatReceptionDate } from '../../../utils/date';
import type { LoadStatus } from '../../../utils/load-state';
import { STATUS_THEMES, type TagTheme } from '../../../views/booking';
import { oneAtATime } from '../../../utils/one-at-a-time';
import { heldStaffScope } from '../../../stores/profile';
import { loadInStaffScope } from '../directory-form';

export const ROSTER_MESSAGES = {
  notStaff: '这里是联络站工作人员使用的，您的微信还没有开通工作人员权限',
  notACode: '没有认出预约码。请扫描居民手机上「我的预约」里的条形码，或在下面输入预约码',
  typeACode: '请输入6位预约码，如 ABC-234',
} as const;

export interface ChoiceItem {
  id: string;
  label: string;
}

/**
 * The days the picker shows: six weeks back and seven ahead (within the 92 days
 * `booking.listStationDays` answers at once); 更早 and 更晚 move it by as much.
 */
export const DAY_WINDOW_BEFORE = 45;
export const DAY_WINDOW_DAYS = 91;

export interface DayWindow {
  from: string;
  to: string;
}

export function dayWindowAround(today: string): DayWindow {
  const from = addDays(today, -DAY_WINDOW_BEFORE);
  return { from, to: addDays(from, DAY_WINDOW_DAYS) };
}

export function shiftWindow(window: DayWindow, direction: -1 | 1): DayWindow {
  const from = addDays(window.from, direction * (DAY_WINDOW_DAYS + 1));
  return { from, to: addDays(from, DAY_WINDOW_DAYS) };
}

/** A day in the picker: its date, and whether it was called off. */
export function dayChoice(day: Pick<ReceptionDayView, '_id' | 'date' | 'cancelled'>): ChoiceItem {
  return { id: day._id, label: `${formatReceptionDate(day.date)}${day.cancelled ? '（已取消）' : ''}` };
}

/** The day shown first: the one asked for, else the next one from today, else the latest before it. */
export function defaultDay(days: readonly Pick<ReceptionDayView, '_id' | 'date'>[], today: string, wanted = ''): string {
  const chosen = days.find((d) => d._id === wanted) ?? days.find((d) => d.date >= today) ?? days[days.length - 1];
  return chosen?._id ?? '';
}

export interface EntryItem {
  id: string;
  code: string;
  /** 09:00–09:30, or 现场登记 10:12 for a walk-in. */
  timeLabel: string;
  name: string;
  phone: string;
  topic: string;
  codeLabel: string;
  statusLabel: string;
  statusTheme: TagTheme;
  canCheckIn: boolean;
  /** Arrived: what was raised can be written down. */
  canRecord: boolean;
  recorded: boolean;
}

export interface RosterView {
  dateLabel: string;
  isToday: boolean;
  deputiesLabel: string;
  /** 已预约 3 · 已签到 1 · …, the counts that are not zero. */
  countsLabel: string;
  entries: EntryItem[];
}

export interface StaffRosterState {
  status: LoadStatus;
  errorMessage: string;
  stationId: string;
  stationName: string;
  /** Stations an area or city office may pick from; empty for station staff. */
  stations: ChoiceItem[];
  days: ChoiceItem[];
  /** The dates the picker covers, e.g. 10月9日 – 1月8日. */
  windowLabel: string;
  dayId: string;
  roster: RosterView | null;
  code: string;
  working: boolean;
  /** The outcome of the last check-in: who arrived, or why not. */
  result: string;
  resultOk: boolean;
}

export function initialStaffRosterState(): StaffRosterState {
  return {
    status: 'loading',
    errorMessage: '',
    stationId: '',
    stationName: '',
    stations: [],
    days: [],
    windowLabel: '',
    dayId: '',
    roster: null,
    code: '',
    working: false,
    result: '',
    resultOk: false,
  };
}

const COUNT_LABELS: Array<[keyof RosterCounts, string]> = [
  ['booked', '已预约未到'],
  ['checkedIn', '已签到'],
  ['walkIns', '现场登记'],
  ['waiting', '候补'],
  ['noShow', '未到'],
  ['cancelled', '已取消'],
];

export function countsLabel(counts: RosterCounts): string {
  const parts = COUNT_LABELS.filter(([key]) => counts[key] > 0).map(([key, label]) => `${label} ${counts[key]}`);
  return parts.length > 0 ? parts.join(' · ') : '还没有人预约';
}

export function entryItem(entry: RosterEntry): EntryItem {
  const walkIn = entry.kind === 'walkIn';
  const arrived = entry.status === 'checkedIn';
  return {
    id: entry._id,
    code: entry.code,
    timeLabel: walkIn ? `现场登记 ${entry.slotStart}` : `${entry.slotStart}–${entry.slotEnd}`,
    name: entry.name,
    phone: entry.phone,
    topic: entry.topic,
    codeLabel: walkIn ? '' : formatBookingCode(entry.code),
    statusLabel: arrived && entry.checkedInAt ? `${entry.late ? '迟到签到' : BOOKING_STATUS_LABELS.checkedIn} ${formatDateTime(entry.checkedInAt).slice(-5)}` : entry.statusLabel,
    statusTheme: STATUS_THEMES[entry.status] ?? 'default',
    canCheckIn: entry.status === 'booked' || entry.status === 'waiting',
    canRecord: arrived,
    recorded: entry.recorded,
  };
}

export function rosterView(roster: DayRoster, today: string): RosterView {
  const names = roster.deputies.map((deputy) => deputy.name);
  return {
    dateLabel: formatReceptionDate(roster.day.date),
    isToday: roster.day.date === today,
    deputiesLabel: names.length > 0 ? `值班代表：${names.join('、')}` : '还没有安排值班代表',
    countsLabel: countsLabel(roster.counts),
    entries: roster.entries.map(entryItem),
  };
}

/** A scanned or typed booking code, as the server wants it; null when it is not one. */
export function bookingCodeOf(text: string): string | null {
  const code = normalizeBookingCode(text);
  return isBookingCode(code) ? code : null;
}

/**
 * The station's reception day as staff run it: pick the station (area staff) and the day,
 * see who booked, who arrived and who walked in, and check visitors in by scanning or typing
 * their booking code. The server decides what staff may see; its refusals are shown as said.
 */
export function createStaffRoster(render: (change: Partial<StaffRosterState>) => void) {
  let stationId = '';
  let dayId = '';
  let window = dayWindowAround(shanghaiDate(appClock.now()));
  const runner = oneAtATime(render, 'booking.staffCheckIn');

  /** The day's roster, or why it cannot be shown (said where check-in results are). */
  async function fetchRoster(): Promise<Partial<StaffRosterState>> {
    if (!dayId) return { roster: null };
    try {
      return { roster: rosterView(await callApi('booking.getRoster', { dayId }), shanghaiDate(appClock.now())) };
    } catch (error) {
      return { roster: null, result: toApiError(error, 'booking.getRoster').message, resultOk: false };
    }
  }

  async function loadRoster(): Promise<void> {
    render(await fetchRoster());
  }

  /** The station's days in the window, past and cancelled ones too, so a past day's roster opens. */
  async function loadStation(wantedDayId = ''): Promise<void> {
    render({ status: 'loading', stationId, roster: null, result: '' });
    try {
      const [{ days }, detail] = await Promise.all([
        callApi('booking.listStationDays', { stationId, from: window.from, to: window.to }),
        callApi('directory.getStation', { stationId }),
      ]);
      dayId = defaultDay(days, shanghaiDate(appClock.now()), wantedDayId);
      render({
        ...(await fetchRoster()),
        status: 'ready',
        stationName: detail.station.name,
        days: days.map(dayChoice),
        windowLabel: `${formatReceptionDate(window.from)} – ${formatReceptionDate(window.to)}`,
        dayId,
      });
    } catch (error) {
      render({ status: 'error', errorMessage: toApiError(error, 'staff roster').message });
    }
  }

  async function checkIn(code: string): Promise<void> {
    await runner.step(
      async () => {
        const { entry } = await callApi('booking.staffCheckIn', { code });
        render({ result: `${entry.name} 已签到（${entry.slotStart}–${entry.slotEnd}）`, resultOk: true, code: '' });
        await loadRoster();
      },
      { clear: { result: '' }, refused: (error) => ({ result: error.message, resultOk: false }) },
    );
  }

  /** The station from the query; else the staff member's own, or the list of those they cover. */
  async function start(query: { stationId?: string; dayId?: string }): Promise<void> {
    if (query.stationId) {
      stationId = query.stationId;
      return loadStation(query.dayId);
    }
    return loadInStaffScope(
      render,
      'staff roster',
      async (staff) => {
        if (staff.stationId) {
          stationId = staff.stationId;
          return loadStation();
        }
        const { stations } = await callApi('directory.listStations', { areaId: staff.areaId });
        render({ status: 'ready', stations: stations.map((s) => ({ id: s._id, label: s.name })) });
      },
      { scope: heldStaffScope, notStaff: ROSTER_MESSAGES.notStaff },
    );
  }

  return {
    start,
    chooseStation(id: string): Promise<void> {
      stationId = id;
      return loadStation();
    },
    /** Back to the list of stations (area staff). */
    changeStation(): void {
      stationId = '';
      dayId = '';
      render({ stationId: '', dayId: '', roster: null, days: [], result: '' });
    },
    /** 更早 / 更晚: the picker's window moves by its own length. */
    moveWindow(direction: -1 | 1): Promise<void> {
      window = shiftWindow(window, direction);
      return loadStation();
    },
    chooseDay(id: string): Promise<void> {
      dayId = id;
      render({ dayId, roster: null, result: '' });
      return loadRoster();
    },
    retry(): Promise<void> {
      return stationId ? loadStation(dayId) : start({});
    },
    /** Back from a walk-in or a record: the roster has changed. */
    refresh(): Promise<void> {
      return loadRoster();
    },
    setCode(code: string): void {
      render({ code });
    },
    async scanToCheckIn(): Promise<void> {
      let scanned: string | null = null;
      try {
        const scan = await scanCode();
        if (!scan) return;
        scanned = bookingCodeOf(scan.result);
      } catch (error) {
        console.warn('[staff roster] scan failed', error);
      }
      if (scanned) await checkIn(scanned);
      else render({ result: ROSTER_MESSAGES.notACode, resultOk: false });
    },
    checkInTyped(text: string): Promise<void> {
      const code = bookingCodeOf(text);
      if (code) return checkIn(code);
      render({ result: ROSTER_MESSAGES.typeACode, resultOk: false });
      return Promise.resolve();
    },
    checkInEntry(code: string): Promise<void> {
      return checkIn(code);
    },
  };
}
