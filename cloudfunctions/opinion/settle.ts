import { COLLECTIONS } from '../../infra/database';
import { isRefusal, type CaseActor, type CaseChange, type CaseEnv, type CasePlan, type CaseRefusalReason } from '../../miniprogram/shared/domain/casework';
import type { ErrorCode } from '../../miniprogram/shared/errors';
import { writeCaseChange } from '../core/caseChanges';
import { caseEnv } from '../core/caseDeadlines';
import { requireOpenid } from '../core/caller';
import { fail } from '../core/errors';
import type { CallContext } from '../core/handler';
import type { DeputyCaller } from './deputyCaller';
import { findAddressed } from './findAddressed';
import type { OpinionDocument } from '../../infra/documents/opinions';

/** Who settled an opinion, and when: stamped on the reply or the forward a deputy writes. */
export function signedBy(deputy: DeputyCaller, now: Date): { at: Date; deputyId: string; deputyName: string } {
  return { at: now, deputyId: deputy.deputyId, deputyName: deputy.name };
}

/**
 * A deputy settles an opinion that awaits them (reply or forward): the planner (the case state
 * machine) says what changes, and `fields` of the deputy's own are set with it. The update is
 * conditional on the opinion still awaiting a deputy, so when two deputies of a station answer
 * at once, the second is told it has been handled. Two database requests.
 */
export async function settleOpinion(
  ctx: CallContext,
  deputy: DeputyCaller,
  opinionId: string,
  plan: (opinion: OpinionDocument, env: CaseEnv, actor: CaseActor) => CasePlan,
  fields: Record<string, unknown>,
): Promise<OpinionDocument> {
  const { db, now } = ctx;
  const env = await caseEnv(ctx);
  const opinion = await findAddressed(ctx, deputy, opinionId);
  const change = plan(opinion, env, { role: 'deputy', id: deputy.deputyId, name: deputy.name });
  if (isRefusal(change)) fail('OPINION.ALREADY_HANDLED');
  if (!(await writeCaseChange(db, opinionId, change, now, fields))) fail('OPINION.ALREADY_HANDLED');
  return { ...opinion, ...change.set, timeline: [...opinion.timeline, ...change.events] };
}

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
