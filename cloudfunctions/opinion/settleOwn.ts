import { COLLECTIONS } from '../../infra/database';
import type { OpinionDocument } from '../../infra/documents/opinions';
import { isRefusal, type CaseActor, type CaseChange, type CasePlan, type CaseRefusalReason } from '../../miniprogram/shared/domain/casework';
import type { ErrorCode } from '../../miniprogram/shared/errors';
import { writeCaseChange } from '../core/caseChanges';
import { requireOpenid } from '../core/caller';
import { fail } from '../core/errors';
import type { CallContext } from '../core/handler';

/** What a resident is told when the planner refuses their step: by its reason, else `otherwise`; `raced` when another tap wrote first. */
export interface OwnStepRefusals {
  byReason: Partial<Record<CaseRefusalReason, ErrorCode>>;
  otherwise: ErrorCode;
  raced: ErrorCode;
}

/**
 * A resident takes a step on their own opinion (rates it, answers the 回访). Another resident's
 * opinion is not found, exactly like a missing one. The update is conditional, so of two taps
 * racing one writes and the other is told `raced`. Answers the change written. Two database requests.
 */
export async function settleOwnOpinion(
  ctx: CallContext,
  opinionId: string,
  plan: (opinion: OpinionDocument, actor: CaseActor) => CasePlan | Promise<CasePlan>,
  refusals: OwnStepRefusals,
): Promise<CaseChange> {
  const openid = requireOpenid(ctx);
  const { db, now } = ctx;
  const { data } = await db.collection(COLLECTIONS.opinions).where({ _id: opinionId, authorOpenid: openid }).limit(1).get();
  const opinion = (data as OpinionDocument[])[0];
  if (!opinion) fail('OPINION.NOT_FOUND');
  const change = await plan(opinion, { role: 'resident', id: openid });
  if (isRefusal(change)) fail(refusals.byReason[change.refused] ?? refusals.otherwise);
  if (!(await writeCaseChange(db, opinionId, change, now))) fail(refusals.raced);
  return change;
}
