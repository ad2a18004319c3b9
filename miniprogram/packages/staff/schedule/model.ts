import type { StationDaysInRange } from '../../../shared/contract/booking';
import { appClock } from '../../../services/clock';
import { RULE_LIMITS, SCHEDULE_HORIZON_MONTHS, windowsProblem, type ReceptionRule } from '../../../shared/domain/reception';
import { describePattern } from '../../../shared/domain/schedule';
import { addDays, addMonths, shanghaiDate } from '../../../shared/domain/time';
import type { ReceptionDayView } from '../../../shared/domain/booking';
import { callApi, toApiError } from '../../../services/api';
import { confirm, previewImages } from '../../../services/wx';
import { saveToAlbum } from '../../../utils/save-image';
import { formatReceptionDate, formatTimeWindows } from '../../../utils/date';
import type { LoadStatus } from '../../../utils/load-state';
import { oneAtATime } from '../../../utils/one-at-a-time';

export const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'].map((label, i) => ({ value: i + 1, label: `周${label}` }));

export const SCHEDULE_MESSAGES = {
  dayOfMonth: '每月几号请填1到28之间的数字（29–31日不是每个月都有）',
  slotMinutes: `每个时段的长度请填${RULE_LIMITS.slotMinutes.min}到${RULE_LIMITS.slotMinutes.max}分钟`,
  seats: `每个时段的名额请填${RULE_LIMITS.seatsPerSlot.min}到${RULE_LIMITS.seatsPerSlot.max}人`,
  pickDate: '请先选择日期',
  qrSaved: '签到码已保存到相册',
  albumDenied: '没有保存到相册的权限。可以点「查看大图」后长按图片保存。',
} as const;

export interface WindowRow {
  key: string;
  start: string;
  end: string;
}

export interface DeputyChoice {
  id: string;
  name: string;
  chosen: boolean;
}

/** The rule as the form holds it: numbers as typed, so a half-typed number is never lost. */
export interface RuleForm {
  kind: 'monthly' | 'weekly';
  dayOfMonth: string;
  weekday: number;
  windows: WindowRow[];
  slotMinutes: string;
  seatsPerSlot: string;
  deputies: DeputyChoice[];
}

export interface DayRow {
  id: string;
  label: string;
  /** 09:00–11:30、14:30–17:00 · 已约 3 人 */
  detail: string;
  /** `该日是春节假期`: a day the holiday calendar now says is a day off; '' otherwise. */
  warning: string;
}

export interface ScheduleState extends RuleForm {
  status: LoadStatus;
  errorMessage: string;
  stationName: string;
  /** 每月15日（遇节假日顺延）, for the rule being edited. */
  patternLabel: string;
  isDefault: boolean;
  windowsMax: number;
  weekdays: typeof WEEKDAYS;
  ruleError: string;
  ruleResult: string;
  days: DayRow[];
  /** About days in a year whose holidays nobody recorded; '' otherwise. */
  calendarNote: string;
  today: string;
  newDate: string;
  dayError: string;
  dayResult: string;
  qrUrl: string;
  qrError: string;
  working: boolean;
}

const whole = (text: string, min: number, max: number): number | null => {
  const n = Number(text.trim());
  return /^\d+$/.test(text.trim()) && n >= min && n <= max ? n : null;
};

/** The rule to save, or what is wrong with the form, in words. */
export function ruleFromForm(form: RuleForm): ReceptionRule | string {
  const dayOfMonth = whole(form.dayOfMonth, 1, 28);
  if (form.kind === 'monthly' && dayOfMonth === null) return SCHEDULE_MESSAGES.dayOfMonth;
  const slotMinutes = whole(form.slotMinutes, RULE_LIMITS.slotMinutes.min, RULE_LIMITS.slotMinutes.max);
  if (slotMinutes === null) return SCHEDULE_MESSAGES.slotMinutes;
  const seatsPerSlot = whole(form.seatsPerSlot, RULE_LIMITS.seatsPerSlot.min, RULE_LIMITS.seatsPerSlot.max);
  if (seatsPerSlot === null) return SCHEDULE_MESSAGES.seats;
  const windows = form.windows.map((w) => ({ start: w.start.trim(), end: w.end.trim() }));
  const problem = windowsProblem(windows, slotMinutes);
  if (problem) return problem;
  return {
    pattern: form.kind === 'monthly' ? { kind: 'monthly', dayOfMonth: dayOfMonth as number } : { kind: 'weekly', weekday: form.weekday },
    windows,
    slotMinutes,
    seatsPerSlot,
    deputyIds: form.deputies.filter((d) => d.chosen).map((d) => d.id),
  };
}

export function dayRow(day: ReceptionDayView, holiday: string | undefined): DayRow {
  const taken = day.slots.reduce((sum, slot) => sum + slot.seats - slot.seatsLeft, 0);
  return {
    id: day._id,
    label: formatReceptionDate(day.date),
    detail: `${formatTimeWindows(day.windows)} · 已约 ${taken} 人`,
    warning: holiday ? `该日是${holiday}假期，请确认是否照常接待` : '',
  };
}

/** `2027年假期安排未录入…`: said above the days when some fall in a year whose holidays nobody recorded. */
export function scheduleCalendarNote(years: readonly number[]): string {
  return years.length === 0 ? '' : `${years.join('、')}年假期安排未录入，这些日子还没有避开节假日。录入后会自动调整没有人预约的接待日。`;
}

/** The days the schedule shows: from today to the end of the horizon. */
const upcomingRange = (stationId: string, today: string) => ({ stationId, from: today, to: addDays(addMonths(today, SCHEDULE_HORIZON_MONTHS), -1) });

/** The upcoming days (cancelled ones left out) with what the holiday calendar says of them. */
function shownDays({ days, holidayOn, holidaysUnknownYears }: StationDaysInRange): Pick<ScheduleState, 'days' | 'calendarNote'> {
  return {
    days: days.filter((day) => !day.cancelled).map((day) => dayRow(day, holidayOn[day.date])),
    calendarNote: scheduleCalendarNote(holidaysUnknownYears),
  };
}

function patternLabel(form: RuleForm): string {
  const dayOfMonth = whole(form.dayOfMonth, 1, 28);
  if (form.kind === 'monthly') return dayOfMonth ? describePattern({ kind: 'monthly', dayOfMonth }) : '';
  return describePattern({ kind: 'weekly', weekday: form.weekday });
}

export function initialScheduleState(): ScheduleState {
  return {
    status: 'loading',
    errorMessage: '',
    stationName: '',
    kind: 'monthly',
    dayOfMonth: '',
    weekday: 1,
    windows: [],
    slotMinutes: '',
    seatsPerSlot: '',
    deputies: [],
    patternLabel: '',
    isDefault: true,
    windowsMax: RULE_LIMITS.windows,
    weekdays: WEEKDAYS,
    ruleError: '',
    ruleResult: '',
    days: [],
    calendarNote: '',
    today: '',
    newDate: '',
    dayError: '',
    dayResult: '',
    qrUrl: '',
    qrError: '',
    working: false,
  };
}

/**
 * A station's reception arrangements, for its staff: the rule its days follow, single days
 * added or called off, and the check-in code to print and put up at the station.
 */
export function createSchedule(stationId: string, render: (change: Partial<ScheduleState>) => void) {
  let form: RuleForm = { kind: 'monthly', dayOfMonth: '', weekday: 1, windows: [], slotMinutes: '', seatsPerSlot: '', deputies: [] };
  let keys = 0;
  const runner = oneAtATime(render, 'staff schedule');
  let newDate = '';
  let qrUrl = '';

  const row = (start: string, end: string): WindowRow => ({ key: `w-${(keys += 1)}`, start, end });

  function edit(update: Partial<RuleForm>): void {
    form = { ...form, ...update };
    render({ ...update, patternLabel: patternLabel(form), ruleError: '', ruleResult: '' });
  }

  async function reloadDays(): Promise<void> {
    render(shownDays(await callApi('booking.listStationDays', upcomingRange(stationId, shanghaiDate(appClock.now())))));
  }

  /** One staff action at a time; its outcome or refusal goes where `said` says. */
  async function act(said: 'ruleError' | 'dayError' | 'qrError', action: () => Promise<Partial<ScheduleState>>): Promise<void> {
    await runner.step(action, {
      clear: { ruleError: '', ruleResult: '', dayError: '', dayResult: '', qrError: '' },
      refused: (error) => ({ [said]: error.message }),
    });
  }

  return {
    async load(): Promise<void> {
      render({ status: 'loading', errorMessage: '' });
      try {
        const today = shanghaiDate(appClock.now());
        const screen = await callApi('booking.scheduleScreen', upcomingRange(stationId, today));
        const shown = screen.rule;
        form = {
          kind: shown.pattern.kind,
          dayOfMonth: shown.pattern.kind === 'monthly' ? String(shown.pattern.dayOfMonth) : '15',
          weekday: shown.pattern.kind === 'weekly' ? shown.pattern.weekday : 1,
          windows: shown.windows.map((w) => row(w.start, w.end)),
          slotMinutes: String(shown.slotMinutes),
          seatsPerSlot: String(shown.seatsPerSlot),
          deputies: screen.deputies.map((d) => ({ id: d._id, name: d.name, chosen: shown.deputyIds.includes(d._id) })),
        };
        render({
          status: 'ready',
          stationName: screen.stationName,
          isDefault: screen.isDefault,
          ...form,
          patternLabel: patternLabel(form),
          ...shownDays(screen),
          today,
        });
      } catch (error) {
        render({ status: 'error', errorMessage: toApiError(error, 'staff schedule').message });
      }
    },

    setKind: (kind: RuleForm['kind']) => edit({ kind }),
    setDayOfMonth: (dayOfMonth: string) => edit({ dayOfMonth }),
    setWeekday: (weekday: number) => edit({ weekday }),
    setSlotMinutes: (slotMinutes: string) => edit({ slotMinutes }),
    setSeatsPerSlot: (seatsPerSlot: string) => edit({ seatsPerSlot }),
    setWindow(key: string, end: 'start' | 'end', time: string): void {
      edit({ windows: form.windows.map((w) => (w.key === key ? { ...w, [end]: time } : w)) });
    },
    addWindow(): void {
      if (form.windows.length < RULE_LIMITS.windows) edit({ windows: [...form.windows, row('', '')] });
    },
    removeWindow(key: string): void {
      edit({ windows: form.windows.filter((w) => w.key !== key) });
    },
    toggleDeputy(id: string): void {
      edit({ deputies: form.deputies.map((d) => (d.id === id ? { ...d, chosen: !d.chosen } : d)) });
    },

    saveRule(): Promise<void> {
      const rule = ruleFromForm(form);
      if (typeof rule === 'string') {
        render({ ruleError: rule, ruleResult: '' });
        return Promise.resolve();
      }
      return act('ruleError', async () => {
        const saved = await callApi('booking.saveRule', { stationId, rule });
        await reloadDays();
        return { isDefault: false, ruleResult: `已保存。新增${saved.created}个接待日${saved.removed ? `，调整了${saved.removed}个没有人预约的接待日` : ''}。` };
      });
    },

    setNewDate(date: string): void {
      newDate = date;
      render({ newDate, dayError: '', dayResult: '' });
    },
    addDay(): Promise<void> {
      if (!newDate) {
        render({ dayError: SCHEDULE_MESSAGES.pickDate });
        return Promise.resolve();
      }
      return act('dayError', async () => {
        const { day } = await callApi('booking.addDay', { stationId, date: newDate });
        await reloadDays();
        newDate = '';
        return { newDate, dayResult: `已添加接待日：${formatReceptionDate(day.date)}` };
      });
    },
    async cancelDay(dayId: string, label: string): Promise<void> {
      const yes = await confirm({ title: `取消${label}的接待？`, content: '已预约和候补的居民会收到取消通知。', confirmText: '取消接待', cancelText: '不取消' });
      if (!yes) return;
      await act('dayError', async () => {
        const { cancelledBookings } = await callApi('booking.cancelDay', { dayId });
        await reloadDays();
        return { dayResult: `已取消${label}的接待${cancelledBookings ? `，已通知${cancelledBookings}位预约的居民` : ''}。` };
      });
    },

    showQr(rotate = false): Promise<void> {
      return act('qrError', async () => {
        if (rotate) {
          const yes = await confirm({
            title: '换一个新的签到码？',
            content: '换码后，已经张贴的旧签到码就不能用了，需要重新打印张贴。',
            confirmText: '换新码',
            cancelText: '不换',
          });
          if (!yes) return {};
        }
        qrUrl = (await callApi('booking.getCheckInQr', rotate ? { stationId, rotate } : { stationId })).url;
        return { qrUrl };
      });
    },
    previewQr(): void {
      if (qrUrl) previewImages([qrUrl], qrUrl);
    },
    async saveQr(): Promise<void> {
      if (!qrUrl) return;
      const refused = await saveToAlbum(
        qrUrl,
        { saved: SCHEDULE_MESSAGES.qrSaved, denied: SCHEDULE_MESSAGES.albumDenied, failed: (error) => toApiError(error).message },
        'staff schedule',
      );
      if (refused) render({ qrError: refused });
    },
  };
}
