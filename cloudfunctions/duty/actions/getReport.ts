import { findAccount } from '../../core/accounts';
import type { Handler } from '../../core/handler';
import type { DutyCaller } from '../access';
import { loadReport, reportView } from '../reviews';

/** Anyone, signed in or not: a deputy's report in a period; what else they see depends on who they are. */
export const getReport: Handler<'duty.getReport'> = async ({ reviewId, deputyId }, ctx) => {
  const [loaded, account] = await Promise.all([loadReport(ctx, reviewId, deputyId), ctx.openid ? findAccount(ctx.db, ctx.openid) : Promise.resolve(undefined)]);
  const roles = account?.roles ?? [];
  const caller: DutyCaller | null = ctx.openid
    ? {
        openid: ctx.openid,
        deputy: roles.includes('deputy') && account?.deputy ? account.deputy : null,
        staff: roles.includes('staff') && account?.staff && account.staff.role !== 'handler' ? account.staff : null,
      }
    : null;
  return reportView(ctx, loaded, caller);
};
