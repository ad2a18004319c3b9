import type { ReceptionDayView } from '../../miniprogram/shared/domain/booking';
import { shanghaiDate } from '../../miniprogram/shared/domain/time';
import { HARD_INSTANTS } from '../support/instants';
import { ok, startTestRuntime } from '../support/runtime';

/**
 * `npm start` at the instants where calendars break (LXQ_NOW=… starts the runtime there): the demo
 * is seeded relative to that instant, a resident can book the next reception day, and staff see
 * every case's deadline — or, where it reaches a year whose holidays nobody recorded, a notice.
 */
/** Each instant, and the years from then to four months on whose holidays nobody recorded (the package knows 2026 and before). */
const INSTANTS = [
  ['firstMinutesOfMonth', [2027]],
  ['receptionDay', [2027]],
  ['lastMinuteOfJanuary2027', [2027]],
  ['springFestival2027', [2027]],
  ['afterNationalDay2027', [2027, 2028]],
  ['leapDay2028', [2028]],
] as const;

describe.each(INSTANTS)('the demo at %s', (name, missingYears) => {
  const at = HARD_INSTANTS[name];
  const today = shanghaiDate(at);

  test('a resident books the next reception day with a seat; staff read deadlines, and are told which years’ holidays are missing', async () => {
    const t = await startTestRuntime({ at });
    try {
      const { days } = ok(await t.call('booking.listDays', { stationId: 'st-nanhu' }));
      expect(days.length).toBeGreaterThanOrEqual(3);
      expect(days.every((d) => d.date >= today)).toBe(true);
      const next = days.find((d: ReceptionDayView) => d.slots.some((s) => s.state === 'open'))!;
      const slot = next.slots.find((s) => s.state === 'open')!;
      const { booking } = ok(
        await t.call(
          'booking.book',
          { dayId: next._id, slotId: slot.id, topic: '小区加装电梯', name: '李阿姨', phone: '13812345678', clientRequestId: `demo-${name}` },
          { openid: 'demo-resident-001' },
        ),
      );
      expect(booking).toMatchObject({ status: 'booked', date: next.date });

      const { items } = ok(await t.call('casework.list', { view: 'all' }, { openid: 'demo-staff-jiangnan' }));
      expect(items.length).toBeGreaterThan(0);
      const deadlines = items.flatMap((item) => (item.deadline ? [item.deadline] : []));
      expect(deadlines.length).toBeGreaterThan(0);
      for (const deadline of deadlines) {
        // Counted into a year nobody recorded (its due date, or the late days up to today), it says so; otherwise not.
        const dueYear = Number(shanghaiDate(new Date(Date.parse(deadline.dueAt) - 1)).slice(0, 4));
        const countedInto = deadline.overdue ? Math.max(dueYear, Number(today.slice(0, 4))) : dueYear;
        expect([deadline.dueAt, deadline.holidaysUnknown]).toEqual([deadline.dueAt, countedInto >= 2027]);
      }
      expect(ok(await t.call('account.getProfile', {}, { openid: 'demo-staff-jiangnan' })).holidaysMissingYears).toEqual(missingYears);
    } finally {
      await t.stop();
    }
  });
});
