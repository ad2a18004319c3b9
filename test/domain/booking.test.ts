import { checkInScene, checkInTokenOf, isCancellable, isUpcoming, normalizeMobile, rosterCounts } from '../../miniprogram/shared/domain/booking';
import { bookingCodeFrom, formatBookingCode, isBookingCode, normalizeBookingCode } from '../../miniprogram/shared/domain/bookingCode';

describe('a booking as residents and staff see it', () => {
  test('a mainland mobile number is accepted however it is typed, and nothing else', () => {
    for (const typed of ['13812345678', ' 138 1234 5678 ', '+86 138-1234-5678', '8613812345678']) expect(normalizeMobile(typed)).toBe('13812345678');
    for (const bad of ['12812345678', '1381234567', '138123456789', '027-80000001', '']) expect(normalizeMobile(bad)).toBeNull();
  });

  test('a seat or waitlist place can be given up until the slot starts, not after, not twice', () => {
    const booking = { status: 'booked' as const, date: '2026-12-15', slotStart: '09:00' };
    expect(isCancellable(booking, new Date('2026-12-15T00:59:00Z'))).toBe(true);
    expect(isCancellable(booking, new Date('2026-12-15T01:00:00Z'))).toBe(false);
    expect(isCancellable({ ...booking, status: 'waiting' }, new Date('2026-12-14T00:00:00Z'))).toBe(true);
    expect(isCancellable({ ...booking, status: 'cancelled' }, new Date('2026-12-14T00:00:00Z'))).toBe(false);
    expect(isCancellable({ ...booking, status: 'checkedIn' }, new Date('2026-12-14T00:00:00Z'))).toBe(false);
  });

  test('a visit is upcoming until its slot ends; cancelled ones are past at once', () => {
    const booking = { status: 'booked' as const, date: '2026-12-15', slotEnd: '09:30' };
    expect(isUpcoming(booking, new Date('2026-12-15T01:29:00Z'))).toBe(true);
    expect(isUpcoming(booking, new Date('2026-12-15T01:30:00Z'))).toBe(false);
    expect(isUpcoming({ ...booking, status: 'cancelled' }, new Date('2026-12-01T00:00:00Z'))).toBe(false);
  });

  test('the roster counts each visitor once', () => {
    expect(
      rosterCounts([
        { kind: 'online', status: 'booked' },
        { kind: 'online', status: 'checkedIn' },
        { kind: 'walkIn', status: 'checkedIn' },
        { kind: 'online', status: 'waiting' },
        { kind: 'online', status: 'noShow' },
        { kind: 'online', status: 'cancelled' },
      ]),
    ).toEqual({ booked: 1, checkedIn: 1, walkIns: 1, waiting: 1, noShow: 1, cancelled: 1 });
  });

  test("a station's check-in scene carries its token, read back encoded or not", () => {
    expect(checkInScene('Ab3dEf6hIj9k')).toBe('c=Ab3dEf6hIj9k');
    expect(checkInTokenOf('c=Ab3dEf6hIj9k')).toBe('Ab3dEf6hIj9k');
    expect(checkInTokenOf('c%3DAb3dEf6hIj9k')).toBe('Ab3dEf6hIj9k');
    for (const other of ['s=BS01', 'c=short', 'c=Ab3dEf6hIj9k!', '%E0%A4%A', '']) expect(checkInTokenOf(other)).toBeNull();
    expect(() => checkInScene('bad token')).toThrow(RangeError);
  });

  test('booking codes: six characters without look-alikes, read back however they are typed', () => {
    const code = bookingCodeFrom([0, 1, 2, 28, 29, 30]);
    expect(code).toBe('ABC789');
    expect(formatBookingCode(code)).toBe('ABC-789');
    expect(normalizeBookingCode(' abc-789 ')).toBe('ABC789');
    expect(isBookingCode('ABC789')).toBe(true);
    for (const bad of ['ABC78', 'ABC0O1', 'abc789', 'ABCL89']) expect(isBookingCode(bad)).toBe(false);
    expect(() => bookingCodeFrom([0, 1, 2])).toThrow(RangeError);
    expect(() => bookingCodeFrom([0, 1, 2, 3, 4, 31])).toThrow(RangeError);
  });
});
