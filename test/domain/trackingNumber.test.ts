import { formatTrackingNumber, parseTrackingNumber } from '../../miniprogram/shared/domain/trackingNumber';

describe('tracking numbers read out over the phone', () => {
  test('station code, Shanghai date as YYMMDD, sequence of three digits', () => {
    expect(formatTrackingNumber({ stationCode: 'LJ01', date: '2026-11-23', sequence: 7 })).toBe('LJ01-261123-007');
    expect(formatTrackingNumber({ stationCode: 'LJ01', date: '2026-11-23', sequence: 1234 })).toBe('LJ01-261123-1234');
  });

  test('parsing gives the parts back, forgiving case and spaces', () => {
    expect(parseTrackingNumber('lj01-261123-007')).toEqual({ stationCode: 'LJ01', date: '2026-11-23', sequence: 7 });
    expect(parseTrackingNumber(' LJ01 - 261123 - 1234 ')).toEqual({ stationCode: 'LJ01', date: '2026-11-23', sequence: 1234 });
  });

  test.each(['', 'LJ01-261323-001', 'LJ01-261100-001', 'LJ01-261123-000', 'LJ01-261123-7', 'LJ01261123007'])('%j is not a tracking number', (text) => {
    expect(parseTrackingNumber(text)).toBeNull();
  });

  test('out-of-range parts are refused when formatting', () => {
    expect(() => formatTrackingNumber({ stationCode: 'LJ01', date: '1999-12-31', sequence: 1 })).toThrow(RangeError);
    expect(() => formatTrackingNumber({ stationCode: 'LJ01', date: '2026-11-23', sequence: 0 })).toThrow(RangeError);
  });
});
