import { COLLECTIONS } from '../../../infra/database';
import type { DayDocument } from '../../../infra/documents/booking';
import { attendanceIdFor, leaveView, type AttendanceDocument } from '../../../infra/documents/duty';
import { shanghaiDate } from '../../../miniprogram/shared/domain/time';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { loadDutyCaller } from '../access';

/**
 * A deputy on a reception day's roster asks for leave, before the day. Asking again while it waits
 * changes the reason; a decided leave stays decided.
 */
export const askLeave: Handler<'duty.askLeave'> = async ({ dayId, reason }, ctx) => {
  const caller = await loadDutyCaller(ctx, ['deputy']);
  const deputyId = caller.deputy!.deputyId;
  const { data } = await ctx.db.collection(COLLECTIONS.receptionDays).where({ _id: dayId }).limit(1).get();
  const day = data[0] as DayDocument | undefined;
  if (!day || day.cancelled || !day.deputyIds.includes(deputyId)) fail('DUTY.NOT_ON_ROSTER');
  if (day.date <= shanghaiDate(ctx.now)) fail('DUTY.DAY_PASSED');
  const _id = attendanceIdFor(dayId, deputyId);
  const collection = ctx.db.collection(COLLECTIONS.dutyAttendance);
  const { data: found } = await collection.where({ _id }).limit(1).get();
  const existing = found[0] as AttendanceDocument | undefined;
  if (existing?.leave && existing.leave.status !== 'asked') fail('DUTY.ALREADY_DECIDED');
  const doc: AttendanceDocument = {
    _id,
    dayId,
    deputyId,
    date: day.date,
    stationId: day.stationId,
    stationName: day.stationName,
    areaPath: day.areaPath,
    leave: { reason, status: 'asked', askedAt: ctx.now },
    absent: existing?.absent ?? false,
    updatedAt: ctx.now,
  };
  const { _id: id, ...fields } = doc;
  await collection.doc(id).set(fields);
  return { leave: leaveView(doc)! };
};
