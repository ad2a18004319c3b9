import { DEFAULT_RECEPTION_RULE, shanghaiTimeOfDay, slotsFor, slotState, windowsProblem } from '../../miniprogram/shared/domain/reception';
import { describePattern } from '../../miniprogram/shared/domain/schedule';

describe('reception windows and their slots', () => {
  test('the default day: the 15th of each month, 09:00–11:30 and 14:30–17:00 in half hours, three seats each', () => {
    expect(describePattern(DEFAULT_RECEPTION_RULE.pattern)).toBe('每月15日（遇节假日顺延）');
    expect(DEFAULT_RECEPTION_RULE).toMatchObject({ slotMinutes: 30, seatsPerSlot: 3 });
    const slots = slotsFor(DEFAULT_RECEPTION_RULE.windows, DEFAULT_RECEPTION_RULE.slotMinutes, DEFAULT_RECEPTION_RULE.seatsPerSlot);
    expect(slots.map((s) => s.start)).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00', '14:30', '15:00', '15:30', '16:00', '16:30']);
    expect(slots[0]).toEqual({ id: '0900', start: '09:00', end: '09:30', seats: 3, seatsLeft: 3 });
  });

  test('a remainder shorter than a slot is not offered; windows come in time order', () => {
    const slots = slotsFor(
      [
        { start: '14:00', end: '14:45' },
        { start: '09:00', end: '11:30' },
      ],
      20,
      1,
    );
    expect(slots.map((s) => `${s.start}-${s.end}`)).toEqual([
      '09:00-09:20',
      '09:20-09:40',
      '09:40-10:00',
      '10:00-10:20',
      '10:20-10:40',
      '10:40-11:00',
      '11:00-11:20',
      '14:00-14:20',
      '14:20-14:40',
    ]);
  });

  test('windows that overlap, are shorter than a slot, or too many are explained to staff', () => {
    expect(windowsProblem(DEFAULT_RECEPTION_RULE.windows, 30)).toBeNull();
    expect(windowsProblem([], 30)).toBe('请至少设置一个接待时段');
    expect(windowsProblem([{ start: '09:00', end: '09:20' }], 30)).toBe('09:00–09:20 不足一个预约时长（30分钟）');
    expect(
      windowsProblem(
        [
          { start: '10:00', end: '12:00' },
          { start: '09:00', end: '10:30' },
        ],
        30,
      ),
    ).toBe('09:00–10:30 与 10:00–12:00 重叠');
    expect(
      windowsProblem(
        Array.from({ length: 5 }, (_, i) => ({ start: `1${i}:00`, end: `1${i}:30` })),
        30,
      ),
    ).toBe('最多设置4个接待时段');
  });

  test('a slot is open until it starts (Shanghai time), full without seats, and closed on a cancelled day', () => {
    const day = { date: '2026-12-15', cancelled: false };
    const slot = { start: '09:00', seatsLeft: 2 };
    expect(slotState(day, slot, new Date('2026-12-15T00:59:59Z'))).toBe('open');
    expect(slotState(day, slot, new Date('2026-12-15T01:00:00Z'))).toBe('started');
    expect(slotState(day, { ...slot, seatsLeft: 0 }, new Date('2026-12-14T12:00:00Z'))).toBe('full');
    expect(slotState({ ...day, cancelled: true }, slot, new Date('2026-12-01T00:00:00Z'))).toBe('cancelled');
  });

  test('the Shanghai time of day of an instant', () => {
    expect(shanghaiTimeOfDay(new Date('2026-12-15T01:05:00Z'))).toBe('09:05');
    expect(shanghaiTimeOfDay(new Date('2026-12-14T16:30:00Z'))).toBe('00:30');
  });
});
