import { COLLECTIONS } from '../../../infra/database';
import { reviewPhase } from '../../../miniprogram/shared/domain/duty';
import { shanghaiDate } from '../../../miniprogram/shared/domain/time';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { loadDutyCaller } from '../access';
import { loadReport, reportView } from '../reviews';

/** The deputy edits their report (drafted from the record) until the period ends. */
export const saveReport: Handler<'duty.saveReport'> = async ({ reviewId, text }, ctx) => {
  const caller = await loadDutyCaller(ctx, ['deputy']);
  const loaded = await loadReport(ctx, reviewId, caller.deputy!.deputyId);
  if (reviewPhase(loaded.review, shanghaiDate(ctx.now)) === 'ended') fail('DUTY.REVIEW_ENDED');
  await ctx.db.collection(COLLECTIONS.dutyReports).doc(loaded.report._id).update({ text, editedAt: ctx.now });
  return reportView(ctx, { ...loaded, report: { ...loaded.report, text, editedAt: ctx.now } }, caller);
};
