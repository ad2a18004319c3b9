import { isRefusal, type CaseChange, type CasePlan } from '../../miniprogram/shared/domain/casework';
import { writeCaseChange } from '../core/caseChanges';
import { fail } from '../core/errors';
import type { CallContext } from '../core/handler';
import type { OpinionDocument } from '../../infra/documents/opinions';
import { refusalCode, requireHandleable } from './access';

/** The case as it is after the change was written. */
export function applied(opinion: OpinionDocument, change: CaseChange): OpinionDocument {
  const after: OpinionDocument = { ...opinion, ...change.set, timeline: [...opinion.timeline, ...change.events] };
  if (change.increment.urgeCount) after.urgeCount = (opinion.urgeCount ?? 0) + change.increment.urgeCount;
  if (change.increment.referralCount) after.referralCount = (opinion.referralCount ?? 0) + change.increment.referralCount;
  return after;
}

/**
 * Writes a planned transition: text held for content review or rejected is refused first
 * (CASE.CONTENT_UNDER_REVIEW / CASE.CONTENT_REJECTED); a refusal becomes its error code; a conditional update that finds
 * the case moved on (someone else acted first) is CASE.ILLEGAL_TRANSITION. One database request.
 */
export async function commit(ctx: CallContext, opinion: OpinionDocument, plan: CasePlan, extra: Record<string, unknown> = {}): Promise<OpinionDocument> {
  requireHandleable(opinion);
  if (isRefusal(plan)) fail(refusalCode(plan.refused));
  if (!(await writeCaseChange(ctx.db, opinion._id, plan, ctx.now, extra))) fail('CASE.ILLEGAL_TRANSITION');
  return applied(opinion, plan);
}
