import { COLLECTIONS } from '../../../infra/database';
import { SCHEDULE_HORIZON_MONTHS, type ReceptionRule } from '../../../miniprogram/shared/domain/reception';
import { horizon } from '../../../miniprogram/shared/domain/schedule';
import { shanghaiDate } from '../../../miniprogram/shared/domain/time';
import type { Handler } from '../../core/handler';
import { requireDeputiesAt, staffAtStation } from '../access';
import { applyDayChanges, daysBetween, plannedDays, reconcileDays } from '../days';
import { newCheckInToken } from '../ids';

/**
 * Staff set a station's reception rule; its days for the next three months follow at once.
 * Days somebody booked, days staff added and cancelled days are kept as they are; untouched
 * generated days the rule no longer gives (or gives with other slots) are replaced. Saving the
 * same rule again changes nothing.
 */
export const saveRule: Handler<'booking.saveRule'> = async ({ stationId, rule: asked }, ctx) => {
  const { db, now } = ctx;
  const { caller, station, rule: existing } = await staffAtStation(ctx, stationId);
  const rule: ReceptionRule = { ...asked, deputyIds: await requireDeputiesAt(db, stationId, asked.deputyIds) };
  await db
    .collection(COLLECTIONS.receptionRules)
    .doc(stationId)
    .set({ rule, checkInToken: existing?.checkInToken ?? newCheckInToken(), updatedAt: now, updatedBy: caller.openid });

  const today = shanghaiDate(now);
  const [current, calendar] = await Promise.all([daysBetween(db, [stationId], horizon(today, SCHEDULE_HORIZON_MONTHS)), ctx.calendar()]);
  const { created, removed } = await applyDayChanges(db, reconcileDays(current, plannedDays(station, rule, today, now, calendar.isWorkingDay)));
  return { stationId, rule, isDefault: false, created, removed };
};
