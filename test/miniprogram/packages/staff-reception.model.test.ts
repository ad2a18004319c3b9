import { bookingCodeOf, countsLabel, entryItem } from '../../../miniprogram/packages/staff/roster/model';
import { recordProblem } from '../../../miniprogram/packages/staff/reception-record/model';
import { dayRow, ruleFromForm, scheduleCalendarNote, type RuleForm } from '../../../miniprogram/packages/staff/schedule/model';
import { validateWalkIn } from '../../../miniprogram/packages/staff/walk-in/model';
import type { RosterEntry } from '../../../miniprogram/shared/domain/booking';
import { DEFAULT_RECEPTION_RULE } from '../../../miniprogram/shared/domain/reception';

const ENTRY: RosterEntry = {
  _id: 'bk-1',
  code: 'ABC234',
  kind: 'online',
  status: 'booked',
  statusLabel: '已预约',
  name: '周大爷',
  phone: '13811112222',
  topic: '村道硬化',
  slotId: '0900',
  slotStart: '09:00',
  slotEnd: '09:30',
  late: false,
  checkedInAt: null,
  recorded: false,
};

describe('the roster', () => {
  it('counts only what there is', () => {
    expect(countsLabel({ booked: 2, waiting: 0, checkedIn: 1, walkIns: 1, noShow: 0, cancelled: 3 })).toBe('已预约未到 2 · 已签到 1 · 现场登记 1 · 已取消 3');
    expect(countsLabel({ booked: 0, waiting: 0, checkedIn: 0, walkIns: 0, noShow: 0, cancelled: 0 })).toBe('还没有人预约');
  });

  it('shows a booking with its code and a check-in button; an arrival with its Shanghai time and the record', () => {
    expect(entryItem(ENTRY)).toMatchObject({ timeLabel: '09:00–09:30', codeLabel: 'ABC-234', statusLabel: '已预约', canCheckIn: true, canRecord: false });
    expect(entryItem({ ...ENTRY, status: 'checkedIn', checkedInAt: '2026-03-16T01:05:00.000Z' })).toMatchObject({
      statusLabel: '已签到 09:05',
      canCheckIn: false,
      canRecord: true,
    });
    expect(entryItem({ ...ENTRY, status: 'checkedIn', late: true, checkedInAt: '2026-03-16T02:05:00.000Z' }).statusLabel).toBe('迟到签到 10:05');
    expect(entryItem({ ...ENTRY, kind: 'walkIn', status: 'checkedIn', slotStart: '10:12', slotEnd: '10:12', checkedInAt: '2026-03-16T02:12:00.000Z' })).toMatchObject({
      timeLabel: '现场登记 10:12',
      codeLabel: '',
    });
  });

  it('reads a booking code however it was scanned or typed', () => {
    expect(bookingCodeOf('abc-234')).toBe('ABC234');
    expect(bookingCodeOf(' ABC 234 ')).toBe('ABC234');
    expect(bookingCodeOf('https://example.com/')).toBeNull();
    expect(bookingCodeOf('ABC23')).toBeNull();
  });
});

describe('a walk-in', () => {
  it('needs a name and what they came about; a phone only if given, and then a real one', () => {
    expect(validateWalkIn({ name: '郑大姐', phone: '', topic: '养老补贴' })).toEqual({ name: '', phone: '', topic: '' });
    expect(validateWalkIn({ name: ' ', phone: '137', topic: '' })).toEqual({
      name: '请填写来访者姓名或称呼',
      phone: '请填写正确的11位手机号码',
      topic: '请写一下来访者反映什么事情',
    });
  });
});

describe('a reception record', () => {
  it('needs one written item, each and the note within 500 characters', () => {
    const item = (text: string) => ({ key: text.slice(0, 3), text, toOpinion: false });
    expect(recordProblem([item('  ')], '')).toBe('请至少写一件来访者反映的事情');
    expect(recordProblem([item('水渠'), item('字'.repeat(501))], '')).toBe('每一条最多500个字，可以分成几条写');
    expect(recordProblem([item('水渠')], '备'.repeat(501))).toBe('备注最多500个字');
    expect(recordProblem([item('水渠'), item('')], '')).toBe('');
    expect(recordProblem([{ text: '水渠坏了', toOpinion: true }], '')).toBe('转为意见的事项请至少写5个字，说清是什么问题');
    expect(recordProblem([{ text: '水渠坏了四年', toOpinion: true }], '')).toBe('');
  });
});

describe('the reception rule form', () => {
  /** The default rule as the form shows it, with one of two deputies chosen. */
  const FORM: RuleForm = {
    kind: 'monthly',
    dayOfMonth: '15',
    weekday: 3,
    windows: [
      { key: 'w-1', start: '09:00', end: '11:30' },
      { key: 'w-2', start: '14:30', end: '17:00' },
    ],
    slotMinutes: '30',
    seatsPerSlot: '3',
    deputies: [
      { id: 'dp-1', name: '孙国平', chosen: true },
      { id: 'dp-2', name: '黄大勇', chosen: false },
    ],
  };

  it('gives the rule to save', () => {
    // The form holds the 15th's rule, as a station without one of its own opens it.
    expect(ruleFromForm(FORM)).toEqual({ ...DEFAULT_RECEPTION_RULE, deputyIds: ['dp-1'] });
    expect(ruleFromForm({ ...FORM, kind: 'weekly', dayOfMonth: '' })).toMatchObject({ pattern: { kind: 'weekly', weekday: 3 } });
  });

  it('says what is wrong, in words staff understand', () => {
    expect(ruleFromForm({ ...FORM, dayOfMonth: '31' })).toBe('每月几号请填1到28之间的数字（29–31日不是每个月都有）');
    expect(ruleFromForm({ ...FORM, slotMinutes: '5' })).toBe('每个时段的长度请填10到240分钟');
    expect(ruleFromForm({ ...FORM, seatsPerSlot: '2.5' })).toBe('每个时段的名额请填1到200人');
    expect(ruleFromForm({ ...FORM, windows: [{ key: 'w-1', start: '09:00', end: '9:30' }] })).toBe('时间格式应为 HH:mm，如 09:00');
    expect(ruleFromForm({ ...FORM, windows: [] })).toBe('请至少设置一个接待时段');
  });

  it('lists a day with its hours and how many have booked', () => {
    const day = {
      _id: 'rd-1',
      stationId: 'st-1',
      stationName: '',
      date: '2026-03-16',
      nominalDate: '2026-03-15',
      windows: [{ start: '09:00', end: '10:00' }],
      deputyIds: [],
      cancelled: false,
      slots: [
        { id: '0900', start: '09:00', end: '09:30', seats: 3, seatsLeft: 1, state: 'open' as const },
        { id: '0930', start: '09:30', end: '10:00', seats: 3, seatsLeft: 3, state: 'open' as const },
      ],
    };
    expect(dayRow(day, undefined)).toEqual({ id: 'rd-1', label: '3月16日 周一', detail: '09:00–10:00 · 已约 2 人', warning: '' });
    expect(dayRow(day, '春节').warning).toBe('该日是春节假期，请确认是否照常接待');
    expect(scheduleCalendarNote([2027])).toBe('2027年假期安排未录入，这些日子还没有避开节假日。录入后会自动调整没有人预约的接待日。');
    expect(scheduleCalendarNote([])).toBe('');
  });
});
