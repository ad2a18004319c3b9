import { COLLECTIONS } from '../../../infra/database';
import { windowsProblem } from '../../../miniprogram/shared/domain/reception';
import { shanghaiDate } from '../../../miniprogram/shared/domain/time';
import { addUnlessDuplicate } from '../../core/databaseErrors';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { requireDeputiesAt, ruleOf, staffAtStation } from '../access';
import { newDay } from '../days';
import { dayView, type DayDocument } from '../../../infra/documents/booking';

/**
 * Staff add one reception day outside the rule (any date from today; a weekend too, if they
 * say so), shaped like the rule unless told otherwise. A date that was cancelled is restored
 * with fresh seats; bookings cancelled with it stay cancelled and do not block rebooking.
 */
export const addDay: Handler<'booking.addDay'> = async (payload, ctx) => {
  const { db, now } = ctx;
  const { station, rule: ruleDocument } = await staffAtStation(ctx, payload.stationId);
  if (payload.date < shanghaiDate(now)) fail('BOOKING.DATE_PASSED');
  const rule = ruleOf(ruleDocument);
  const windows = payload.windows ?? rule.windows;
  const slotMinutes = payload.slotMinutes ?? rule.slotMinutes;
  const problem = windowsProblem(windows, slotMinutes);
  if (problem) fail('COMMON.INVALID_INPUT', { windows: problem });
  const deputyIds = await requireDeputiesAt(db, station._id, payload.deputyIds ?? rule.deputyIds);
  const shape = { windows, slotMinutes, seatsPerSlot: payload.seatsPerSlot ?? rule.seatsPerSlot, deputyIds };
  const day = newDay(station, shape, { date: payload.date, nominalDate: payload.date }, 'manual', now);

  const days = db.collection(COLLECTIONS.receptionDays);
  if (await addUnlessDuplicate(days, day)) return { day: dayView(day, now) };
  const { data } = await days.where({ stationId: station._id, date: payload.date }).limit(1).get();
  const existing = (data as DayDocument[])[0];
  if (!existing || !existing.cancelled) fail('BOOKING.DAY_EXISTS');
  const restored: DayDocument = { ...day, _id: existing._id, epoch: existing.epoch + 1, createdAt: existing.createdAt, updatedAt: now };
  const { updated } = await days.where({ _id: existing._id, cancelled: true }).update({
    cancelled: false,
    cancelReason: db.command.remove(),
    epoch: restored.epoch,
    windows: restored.windows,
    slotMinutes: restored.slotMinutes,
    slots: restored.slots,
    deputyIds: restored.deputyIds,
    taken: 0,
    source: 'manual',
    updatedAt: now,
  });
  if (updated !== 1) fail('BOOKING.DAY_EXISTS');
  return { day: dayView(restored, now) };
};
