import { COLLECTIONS } from '../../../infra/database';
import type { InspectionNote } from '../../../infra/documents/projects';
import { roundStage } from '../../../miniprogram/shared/domain/project';
import { shanghaiDate } from '../../../miniprogram/shared/domain/time';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { loadProjectCaller, requireDeputy, requireCandidate, requireEligibleDeputy } from '../access';
import { countedRound } from '../ballotBox';

/** A deputy of the round's congress inspects a chosen project and leaves a note (public, with their name). Five database requests. */
export const inspect: Handler<'project.inspect'> = async ({ candidateId, note }, ctx) => {
  const { db, now } = ctx;
  const caller = await loadProjectCaller(ctx);
  requireDeputy(caller);
  const { candidate, round: stored } = await requireCandidate(db, candidateId, caller);
  const round = await countedRound(db, stored, now);
  const deputy = await requireEligibleDeputy(db, caller, round);
  const chosen = round.result?.rows.some((r) => r.candidateId === candidateId && r.chosen) ?? false;
  if (!chosen || ['voting', 'proposing', 'preparing', 'commenting', 'awaitingVote'].includes(roundStage(round, now))) fail('PROJECT.STAGE_CLOSED');
  const inspection: InspectionNote = { deputyId: deputy.deputyId, deputyName: deputy.name, note, at: now };
  await db
    .collection(COLLECTIONS.projectCandidates)
    .where({ _id: candidateId })
    .update({ inspections: db.command.push([inspection]), updatedAt: now });
  const all = [...candidate.inspections, inspection];
  return { inspections: all.map((i) => ({ deputyName: i.deputyName, note: i.note, date: shanghaiDate(i.at) })) };
};
