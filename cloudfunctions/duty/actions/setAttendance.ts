import { COLLECTIONS } from '../../../infra/database';
import type { DayDocument } from '../../../infra/documents/booking';
import { attendanceIdFor, type AttendanceDocument } from '../../../infra/documents/duty';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { loadDutyCaller, requireCovers } from '../access';

/**
 * Staff covering the station: approve or refuse a deputy's leave for a day, or record a deputy on
 * the roster absent (or present after all). An approved leave keeps an absence from counting
 * against the deputy; an absence without it takes the rules' penalty.
 */
export const setAttendance: Handler<'duty.setAttendance'> = async ({ dayId, deputyId, attendance }, ctx) => {
  const { staff, openid } = await loadDutyCaller(ctx, ['staff']);
  const { data } = await ctx.db.collection(COLLECTIONS.receptionDays).where({ _id: dayId }).limit(1).get();
  const day = data[0] as DayDocument | undefined;
  if (!day) fail('DUTY.NOT_FOUND');
  requireCovers(staff, { areaPath: day.areaPath, stationId: day.stationId });
  if (!day.deputyIds.includes(deputyId)) fail('DUTY.NOT_ON_ROSTER');
  const _id = attendanceIdFor(dayId, deputyId);
  const collection = ctx.db.collection(COLLECTIONS.dutyAttendance);
  const { data: found } = await collection.where({ _id }).limit(1).get();
  const existing = found[0] as AttendanceDocument | undefined;
  const base: Omit<AttendanceDocument, '_id'> = existing
    ? (({ _id: _ignored, ...rest }) => rest)(existing)
    : { dayId, deputyId, date: day.date, stationId: day.stationId, stationName: day.stationName, areaPath: day.areaPath, leave: null, absent: false, updatedAt: ctx.now };
  const next = { ...base, updatedAt: ctx.now };
  if (attendance === 'present' || attendance === 'absent') next.absent = attendance === 'absent';
  else {
    if (!base.leave) fail('DUTY.NOT_FOUND');
    next.leave = { ...base.leave, status: attendance === 'leaveApproved' ? 'approved' : 'refused', decidedAt: ctx.now, decidedBy: openid };
  }
  await collection.doc(_id).set(next);
  return { dayId, deputyId, attendance };
};
