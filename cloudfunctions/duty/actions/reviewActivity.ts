import { COLLECTIONS } from '../../../infra/database';
import { activityView, type ActivityDocument } from '../../../infra/documents/duty';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { loadCovered, loadDutyCaller } from '../access';

/** Staff covering the deputy's station: confirm the activity a deputy added (it counts from then on), or not. */
export const reviewActivity: Handler<'duty.reviewActivity'> = async ({ activityId, confirm }, ctx) => {
  const { staff, openid } = await loadDutyCaller(ctx, ['staff']);
  const doc = await loadCovered<ActivityDocument>(ctx, staff, COLLECTIONS.dutyActivities, activityId);
  const collection = ctx.db.collection(COLLECTIONS.dutyActivities);
  const status = confirm ? 'confirmed' : 'rejected';
  const { updated } = await collection.where({ _id: activityId, status: 'pending' }).update({ status, decidedBy: openid, decidedAt: ctx.now });
  if (!updated) {
    if (doc.status === status) return { activity: activityView(doc) };
    fail('DUTY.ALREADY_DECIDED');
  }
  return { activity: activityView({ ...doc, status, decidedBy: openid, decidedAt: ctx.now }) };
};
