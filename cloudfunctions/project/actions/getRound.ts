import { COLLECTIONS } from '../../../infra/database';
import type { CandidateDocument } from '../../../infra/documents/projects';
import type { Handler } from '../../core/handler';
import { isEligibleDeputy, isRoundStaff, projectCaller, requireRound } from '../access';
import { countedRound, hasVoted } from '../ballotBox';
import { loadCaller } from '../../core/caller';
import { candidateSummary, roundView } from '../views';

/**
 * Anyone: a round with its published candidates (the round's staff also see the list they are
 * making) and, once the window closed, the published count. A deputy also learns whether they may
 * vote and whether they did — never how anyone voted. Three to seven database requests.
 */
export const getRound: Handler<'project.getRound'> = async ({ roundId }, ctx) => {
  const { db, now } = ctx;
  const caller = ctx.openid ? projectCaller(await loadCaller(ctx)) : null;
  const round = await countedRound(db, await requireRound(db, roundId), now);
  const staff = !!caller && isRoundStaff(caller, round);
  const { data } =
    round.candidatesPublished || staff ? await db.collection(COLLECTIONS.projectCandidates).where({ roundId }).orderBy('number', 'asc').limit(200).get() : { data: [] };
  const deputyId = caller?.deputy?.deputyId;
  const me = deputyId ? { eligible: await isEligibleDeputy(db, round, deputyId), voted: await hasVoted(db, roundId, deputyId) } : null;
  const result = round.result
    ? {
        countedAt: round.result.countedAt.toISOString(),
        ballots: round.result.ballots,
        eligible: round.result.eligible,
        chosenCount: round.result.rows.filter((r) => r.chosen).length,
      }
    : null;
  return { ...roundView(round, now), candidates: (data as CandidateDocument[]).map((c) => candidateSummary(c, round, now)), result, me };
};
