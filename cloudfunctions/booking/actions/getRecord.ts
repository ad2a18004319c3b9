import { COLLECTIONS } from '../../../infra/database';
import type { DeputySummary } from '../../../miniprogram/shared/domain/directory';
import { maskPhone } from '../../../miniprogram/shared/domain/phone';
import type { Handler } from '../../core/handler';
import { DEPUTY_SUMMARY_FIELDS, recordView, rosterEntry } from '../../../infra/documents/booking';
import { loadVisit } from '../receptionVisit';

/**
 * The reception record page of one visit: the visitor, the deputies on duty and the record written
 * so far (items already turned into opinions carry their opinionId and tracking number). Staff in
 * scope or a deputy on duty. A deputy sees the visitor's phone masked (138****5678) unless the
 * resident chose to share it with the deputies receiving them when booking; staff in scope see it in
 * full (they phone residents). Three requests: account and visit concurrently, then the deputies.
 */
export const getRecord: Handler<'booking.getRecord'> = async ({ bookingId }, ctx) => {
  const { db } = ctx;
  const { booking, day, record, recorder } = await loadVisit(ctx, bookingId);
  let deputies: DeputySummary[] = [];
  if (day.deputyIds.length > 0) {
    const { data } = await db
      .collection(COLLECTIONS.deputies)
      .where({ _id: db.command.in(day.deputyIds) })
      .limit(day.deputyIds.length)
      .field(DEPUTY_SUMMARY_FIELDS)
      .get();
    const byId = new Map((data as DeputySummary[]).map((deputy) => [deputy._id, deputy]));
    deputies = day.deputyIds.flatMap((id) => byId.get(id) ?? []);
  }
  const visit = rosterEntry(booking, !!record);
  if (recorder.role === 'deputy' && booking.shareContactWithDeputies !== true && visit.phone) visit.phone = maskPhone(visit.phone);
  return { visit, deputies, record: record ? recordView(record) : null };
};
