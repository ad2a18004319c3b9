import { COLLECTIONS } from '../../../infra/database';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { loadDutyCaller } from '../access';
import { loadReport, reportView } from '../reviews';

/** The deputy answers a comment on their report (an answer may be changed; it is shown under the comment). */
export const answerComment: Handler<'duty.answerComment'> = async ({ reviewId, commentId, answer }, ctx) => {
  const caller = await loadDutyCaller(ctx, ['deputy']);
  const loaded = await loadReport(ctx, reviewId, caller.deputy!.deputyId);
  const { total } = await ctx.db.collection(COLLECTIONS.dutyRatings).where({ reportId: loaded.report._id, commentId, commentState: 'published' }).count();
  if (total === 0) fail('DUTY.NOT_FOUND');
  await ctx.db
    .collection(COLLECTIONS.dutyReports)
    .doc(loaded.report._id)
    .update({ [`answers.${commentId}`]: answer });
  return reportView(ctx, { ...loaded, report: { ...loaded.report, answers: { ...loaded.report.answers, [commentId]: answer } } }, caller);
};
