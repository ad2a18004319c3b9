import { isRefusal, type CaseActor, type CaseEnv, type CasePlan } from '../../miniprogram/shared/domain/casework';
import { writeCaseChange } from '../core/caseChanges';
import { caseEnv } from '../core/caseDeadlines';
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
