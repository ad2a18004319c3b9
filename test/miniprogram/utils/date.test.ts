import { formatReceptionDate, formatTimeWindows } from '../../../miniprogram/utils/date';

describe('reception dates as residents read them', () => {
  it.each([
    ['2025-11-15', '11月15日 周六'],
    ['2025-12-15', '12月15日 周一'],
    ['2026-01-04', '1月4日 周日'],
    ['2028-02-29', '2月29日 周二'],
  ])('reads a Shanghai calendar date in Chinese with its weekday: %s is %s', (date, words) => {
    expect(formatReceptionDate(date)).toBe(words);
  });

  it('shows anything that is not a real calendar date as it came, rather than a wrong day', () => {
    for (const notADate of ['2025-02-30', '15 Nov', '2025-13-01']) expect(formatReceptionDate(notADate)).toBe(notADate);
  });

  it('joins time windows with an en dash and 、', () => {
    expect(formatTimeWindows([{ start: '09:00', end: '11:30' }])).toBe('09:00–11:30');
    expect(
      formatTimeWindows([
        { start: '09:00', end: '11:30' },
        { start: '14:30', end: '17:00' },
      ]),
    ).toBe('09:00–11:30、14:30–17:00');
    expect(formatTimeWindows([])).toBe('');
  });
});
