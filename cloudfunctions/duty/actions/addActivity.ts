import { COLLECTIONS } from '../../../infra/database';
import { activityView, type ActivityDocument } from '../../../infra/documents/duty';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { findDeputies, loadDutyCaller, staffCovers } from '../access';

/**
 * An activity outside the product. A deputy adds their own (without deputyIds, or naming only
 * themselves): it waits for station staff to confirm it. Staff add one for a group of deputies
 * they cover: confirmed at once. The id derives from the caller and clientRequestId, so a retry
 * answers the first.
 */
export const addActivity: Handler<'duty.addActivity'> = async (payload, ctx) => {
  const caller = await loadDutyCaller(ctx, ['deputy', 'staff']);
  const _id = `da-${caller.openid.slice(-12).replace(/[^A-Za-z0-9_-]/g, '')}-${payload.clientRequestId}`.slice(0, 64);
  const collection = ctx.db.collection(COLLECTIONS.dutyActivities);
  const { data: existing } = await collection.where({ _id }).limit(1).get();
  if (existing[0]) return { activity: activityView(existing[0] as ActivityDocument) };

  const own = caller.deputy && (!payload.deputyIds || (payload.deputyIds.length === 1 && payload.deputyIds[0] === caller.deputy.deputyId));
  const ids = own ? [caller.deputy!.deputyId] : (payload.deputyIds ?? []);
  if (!own && !caller.staff) fail('AUTH.FORBIDDEN');
  const deputies = await findDeputies(ctx, { _id: ctx.db.command.in(ids) });
  if (deputies.length !== new Set(ids).size) fail('DUTY.DEPUTY_NOT_FOUND');
  if (!own && !deputies.every((deputy) => caller.staff && staffCovers(caller.staff, deputy))) fail('DUTY.DEPUTY_NOT_FOUND');

  const first = deputies[0]!;
  const doc: ActivityDocument = {
    _id,
    deputyIds: ids,
    areaPath: first.areaPath,
    stationIds: [...new Set(deputies.flatMap((deputy) => deputy.stationIds))],
    type: payload.type,
    date: payload.date,
    place: payload.place,
    note: payload.note,
    photos: payload.photos,
    status: own ? 'pending' : 'confirmed',
    addedBy: own ? 'deputy' : 'staff',
    addedByOpenid: caller.openid,
    createdAt: ctx.now,
  };
  if (!own) Object.assign(doc, { decidedBy: caller.openid, decidedAt: ctx.now });
  await collection.add(doc);
  return { activity: activityView(doc) };
};
