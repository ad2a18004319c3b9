import { COLLECTIONS } from '../../../infra/database';
import { reportIdFor, type ReportDocument, type ReviewDocument } from '../../../infra/documents/duty';
import { draftReport } from '../../../miniprogram/shared/domain/duty';
import { isDuplicateWrite } from '../../core/databaseErrors';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { findDeputies, loadDutyCaller, requireAreaStaff, staffCovers } from '../access';
import { buildRecord } from '../record';

/**
 * Area staff open a 述职评议 period for deputies of their area. Each deputy's report is drafted at
 * once from their record of the year (figures and main activities), for them to edit. The period's
 * id derives from clientRequestId, so a retry answers the same period.
 */
export const openReview: Handler<'duty.openReview'> = async (payload, ctx) => {
  const { staff, openid } = await loadDutyCaller(ctx, ['staff']);
  const areaPath = await requireAreaStaff(ctx, staff, payload.areaId);
  const _id = `rv-${payload.clientRequestId}`.slice(0, 64);
  const reviews = ctx.db.collection(COLLECTIONS.dutyReviews);
  const { data: existing } = await reviews.where({ _id }).limit(1).get();
  if (existing[0]) {
    if ((existing[0] as ReviewDocument).openedBy !== openid) fail('COMMON.INVALID_INPUT', { clientRequestId: '请求编号已被使用' });
    return { reviewId: _id };
  }
  const ids = [...new Set(payload.deputyIds)];
  const deputies = await findDeputies(ctx, { _id: ctx.db.command.in(ids) });
  if (deputies.length !== ids.length || !deputies.every((deputy) => staff && staffCovers(staff, deputy) && deputy.areaPath.includes(payload.areaId))) fail('DUTY.DEPUTY_NOT_FOUND');

  const review: ReviewDocument = {
    _id,
    areaId: payload.areaId,
    areaPath,
    title: payload.title,
    year: payload.year,
    deputyIds: ids,
    opensOn: payload.opensOn,
    closesOn: payload.closesOn,
    audience: payload.audience,
    openedBy: openid,
    createdAt: ctx.now,
  };
  const reports: ReportDocument[] = await Promise.all(
    deputies.map(async (deputy) => {
      const record = await buildRecord(ctx, deputy, payload.year);
      return {
        _id: reportIdFor(_id, deputy.deputyId),
        reviewId: _id,
        deputyId: deputy.deputyId,
        deputyName: deputy.name,
        text: draftReport(
          deputy.name,
          payload.year,
          record.figures,
          record.entries.filter((entry) => !entry.struck),
        ),
        figures: record.figures,
        answers: {},
        editedAt: null,
        createdAt: ctx.now,
      };
    }),
  );
  try {
    await ctx.db.collection(COLLECTIONS.dutyReports).add(reports);
    await reviews.add(review);
  } catch (error) {
    // A concurrent retry wrote them first: the same period.
    if (!isDuplicateWrite(error)) throw error;
  }
  return { reviewId: _id };
};
