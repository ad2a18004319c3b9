import { formatReceptionDate, formatTimeWindows } from '../../../miniprogram/utils/date';

describe('reception dates as residents read them', () => {
  it('reads a Shanghai calendar date in Chinese with its weekday', () => {
    expect(formatReceptionDate('2025-11-15')).toBe('11月15日 周六');
    expect(formatReceptionDate('2025-12-15')).toBe('12月15日 周一');
    expect(formatReceptionDate('2026-01-04')).toBe('1月4日 周日');
    expect(formatReceptionDate('2028-02-29')).toBe('2月29日 周二');
  });

  it('shows anything that is not a real calendar date as it came, rather than a wrong day', () => {
    expect(formatReceptionDate('2025-02-30')).toBe('2025-02-30');
    expect(formatReceptionDate('15 Nov')).toBe('15 Nov');
    expect(formatReceptionDate('2025-13-01')).toBe('2025-13-01');
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
