import { addDays, shanghaiClock, shanghaiDate, shanghaiInstant } from '../../miniprogram/shared/domain/time';

describe('Asia/Shanghai calendar, whatever the machine time zone', () => {
  test('late evening UTC of the 14th is already the 15th in Shanghai', () => {
    expect(shanghaiDate(new Date('2026-12-14T16:30:00Z'))).toBe('2026-12-15');
    expect(shanghaiDate(new Date('2026-12-14T15:59:59Z'))).toBe('2026-12-14');
  });

  test('09:00 on the 15th in Shanghai is 01:00 UTC', () => {
    expect(shanghaiInstant('2026-12-15', '09:00').toISOString()).toBe('2026-12-15T01:00:00.000Z');
    expect(shanghaiDate(shanghaiInstant('2026-12-15', '00:00'))).toBe('2026-12-15');
  });

  test('adding days crosses months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });
});

test('a message shows Shanghai wall-clock time: 01:05 UTC is 09:05 the same day', () => {
  expect(shanghaiClock(new Date('2026-12-15T01:05:00Z'))).toBe('2026年12月15日 09:05');
  expect(shanghaiClock(new Date('2026-12-14T16:30:00Z'))).toBe('2026年12月15日 00:30');
});
