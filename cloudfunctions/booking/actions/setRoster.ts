import { COLLECTIONS } from '../../../infra/database';
import { shanghaiDate } from '../../../miniprogram/shared/domain/time';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { requireDeputiesAt, staffOnDay } from '../access';
import { dayView } from '../../../infra/documents/booking';
import { settleDay, visitsChanging } from '../../core/visitCounters';

/**
 * Staff put deputies on duty for one day (replacing its roster). Deputies must receive at the
 * station. The roster decides whose figures the day's visits count in: the day's visit counters
 * are marked in the same update and settled after (core/visitCounters.ts).
 */
export const setRoster: Handler<'booking.setRoster'> = async ({ dayId, deputyIds: asked }, ctx) => {
  const { db, now } = ctx;
  const { day } = await staffOnDay(ctx, dayId);
  if (day.date < shanghaiDate(now)) fail('BOOKING.DATE_PASSED');
  const deputyIds = await requireDeputiesAt(db, day.stationId, asked);
  await db
    .collection(COLLECTIONS.receptionDays)
    .doc(day._id)
    .update({ deputyIds, updatedAt: now, ...visitsChanging(db) });
  await settleDay(db, day._id);
  return { day: dayView({ ...day, deputyIds }, now) };
};
