/**
 * Three years of reception days (每月15日, moved to the next working day, at every station) with
 * their rosters, the next three months as the schedule generator plans them, and the bookings,
 * check-ins and reception records of those days. Shapes come from the booking function's own
 * builders (newDay, plannedDays, activeKeyFor, bookingCodeFrom).
 */
import { newDay, plannedDays } from '../../../cloudfunctions/booking/days';
import { packageCalendar } from '../../../cloudfunctions/core/workingCalendar';
import { activeKeyFor, type BookingDocument, type DayDocument, type RecordDocument } from '../../../infra/documents/booking';
import { BOOKING_CODE_ALPHABET, bookingCodeFrom } from '../../../miniprogram/shared/domain/bookingCode';
import type { Deputy } from '../../../miniprogram/shared/domain/directory';
import { DEFAULT_RECEPTION_RULE } from '../../../miniprogram/shared/domain/reception';
import { addDays, shanghaiDate, shanghaiInstant } from '../../../miniprogram/shared/domain/time';
import type { StationDocument } from '../demoData';
import { seedBooking, seedRecord } from '../visits';
import { cityResidentOpenid, cityStationStaffOpenid, type CitySize } from './cityData';
import { personName, Random } from './random';

/** The 15th of each month of the last `years` years, moved to the next working day, up to `today` (excluded). */
function pastReceptionDates(today: string, years: number): Array<{ date: string; nominalDate: string }> {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const dates: Array<{ date: string; nominalDate: string }> = [];
  for (let back = years * 12; back >= 0; back -= 1) {
    const index = year * 12 + (month - 1) - back;
    const nominalDate = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-15`;
    let date = nominalDate;
    while (!packageCalendar.isWorkingDay(date)) date = addDays(date, 1);
    if (date < today) dates.push({ date, nominalDate });
  }
  return dates;
}

function rosterFor(deputies: readonly Deputy[], nth: number): string[] {
  if (deputies.length === 0) return [];
  const first = deputies[nth % deputies.length] as Deputy;
  const second = deputies[(nth + 1) % deputies.length] as Deputy;
  return [...new Set([first._id, second._id])];
}

export interface CityVisits {
  days: DayDocument[];
  bookings: BookingDocument[];
  records: RecordDocument[];
}

export function cityVisits(size: CitySize, stations: readonly StationDocument[], deputies: readonly Deputy[], now: Date, random: Random): CityVisits {
  const today = shanghaiDate(now);
  const byStation = new Map<string, Deputy[]>();
  for (const deputy of deputies) for (const id of deputy.stationIds) byStation.set(id, [...(byStation.get(id) ?? []), deputy]);
  const past = pastReceptionDates(today, size.years);
  const days: DayDocument[] = [];
  for (const station of stations) {
    const onDuty = byStation.get(station._id) ?? [];
    past.forEach((scheduled, nth) => {
      const created = shanghaiInstant(addDays(scheduled.date, -60), '09:00');
      days.push(newDay(station, { ...DEFAULT_RECEPTION_RULE, deputyIds: rosterFor(onDuty, nth) }, scheduled, 'rule', created));
    });
    plannedDays(station, DEFAULT_RECEPTION_RULE, today, now, packageCalendar.isWorkingDay).forEach((day, k) => {
      days.push({ ...day, deputyIds: rosterFor(onDuty, past.length + k) });
    });
  }

  const bookings: BookingDocument[] = [];
  const records: RecordDocument[] = [];
  const taken = new Set<string>();
  const codes = new Set<string>();
  const stationById = new Map(stations.map((s) => [s._id, s]));
  const stationNumber = new Map(stations.map((s, n) => [s._id, n + 1]));
  for (let k = 0; k < size.bookings; k += 1) {
    const day = random.pick(days);
    const free = day.slots.map((slot, index) => ({ slot, index })).filter(({ slot }) => slot.seatsLeft > 0);
    if (free.length === 0) continue;
    const { slot, index } = random.pick(free);
    let openid = cityResidentOpenid(1 + random.below(size.residents));
    while (taken.has(activeKeyFor(openid, day))) openid = cityResidentOpenid(1 + random.below(size.residents));
    const drawCode = () => bookingCodeFrom(Array.from({ length: 6 }, () => random.below(BOOKING_CODE_ALPHABET.length)));
    let code = drawCode();
    while (codes.has(code)) code = drawCode();
    codes.add(code);
    const _id = `bk-bh-${String(k + 1).padStart(6, '0')}`;
    const bookedAt = new Date(Math.min(now.getTime(), shanghaiInstant(addDays(day.date, -1 - random.below(20)), '20:00').getTime()) - random.below(3_600_000));
    const isPast = day.date < today;
    const roll = random.next();
    const status: BookingDocument['status'] = roll < 0.1 ? 'cancelled' : !isPast ? 'booked' : roll < 0.8 ? 'checkedIn' : 'noShow';
    const station = stationById.get(day.stationId) as StationDocument;
    const booking = seedBooking(
      day,
      { ...slot, index },
      {
        _id,
        code,
        kind: 'online',
        openid,
        status,
        activeKey: status === 'cancelled' ? _id : activeKeyFor(openid, day),
        name: personName(random),
        phone: `138${String(10_000_000 + random.below(89_999_999))}`,
        topic: '反映社区问题',
        queuedAt: bookedAt,
        createdAt: bookedAt,
        updatedAt: bookedAt,
      },
    );
    if (status !== 'cancelled') {
      taken.add(booking.activeKey);
      slot.seatsLeft -= 1;
      day.taken += 1;
    } else {
      Object.assign(booking, { cancelledAt: bookedAt, cancelReason: 'resident' });
    }
    if (status === 'checkedIn') {
      const arrived = shanghaiInstant(day.date, slot.start);
      Object.assign(booking, { checkedInAt: arrived, checkedInBy: 'qr', late: false, updatedAt: arrived });
      if (random.chance(0.8) && day.deputyIds.length > 0) {
        records.push(
          seedRecord(booking, {
            deputyIds: [random.pick(day.deputyIds)],
            recordedBy: cityStationStaffOpenid(stationNumber.get(station._id) ?? 0),
            recordedAt: shanghaiInstant(day.date, '17:30'),
          }),
        );
      }
    }
    bookings.push(booking);
  }
  return { days, bookings, records };
}
