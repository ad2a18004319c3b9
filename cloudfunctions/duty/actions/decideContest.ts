import { COLLECTIONS } from '../../../infra/database';
import { contestView, type ActivityDocument, type ContestDocument } from '../../../infra/documents/duty';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { loadCovered, loadDutyCaller } from '../access';

/**
 * Staff covering the deputy decide a contest. Upheld 错 or 重: the entry stops counting (it stays
 * on the record, marked). Upheld 漏: the missing activity is added, confirmed, linked to the
 * contest. Dismissed: nothing changes but the record shows why. Decided once.
 */
export const decideContest: Handler<'duty.decideContest'> = async ({ contestId, uphold, note, missing }, ctx) => {
  const { staff, openid } = await loadDutyCaller(ctx, ['staff']);
  const doc = await loadCovered<ContestDocument>(ctx, staff, COLLECTIONS.dutyContests, contestId);
  const collection = ctx.db.collection(COLLECTIONS.dutyContests);
  if (doc.status !== 'open') fail('DUTY.ALREADY_DECIDED');
  if (uphold && doc.kind === 'missing' && !missing) fail('COMMON.INVALID_INPUT', { missing: '请填写补录的活动类型、日期和地点' });
  const status = uphold ? 'upheld' : 'dismissed';
  const { updated } = await collection.where({ _id: contestId, status: 'open' }).update({ status, decisionNote: note, decidedBy: openid, decidedAt: ctx.now });
  if (!updated) fail('DUTY.ALREADY_DECIDED');
  if (uphold && doc.kind === 'missing' && missing) {
    const activity: ActivityDocument = {
      _id: `da-contest-${contestId}`.slice(0, 64),
      deputyIds: [doc.deputyId],
      areaPath: doc.areaPath,
      stationIds: doc.stationIds,
      type: missing.type,
      date: missing.date,
      place: missing.place,
      note: doc.reason,
      photos: [],
      status: 'confirmed',
      addedBy: 'staff',
      addedByOpenid: openid,
      contestId,
      decidedBy: openid,
      decidedAt: ctx.now,
      createdAt: ctx.now,
    };
    await ctx.db.collection(COLLECTIONS.dutyActivities).add(activity);
  }
  return { contest: contestView({ ...doc, status, decisionNote: note }) };
};
