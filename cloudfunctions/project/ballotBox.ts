import { randomInt } from 'node:crypto';
import { COLLECTIONS } from '../../infra/database';
import type { BallotBoxDocument, CandidateDocument, RoundDocument } from '../../infra/documents/projects';
import { tally, voteClosed } from '../../miniprogram/shared/domain/project';
import type { Database } from '../core/cloud';
import { fail } from '../core/errors';
import { eligibleDeputyCount } from './access';

/**
 * Ballot secrecy without transactions. CloudBase's transactions (and this house's runtime) cannot
 * be relied on for this, and a two-document scheme (a mark, then a ballot) has a window in which a
 * crash leaves a mark without a ballot or a ballot without a mark. So a round's whole vote lives in
 * one document, its ballot box, and casting is ONE conditional single-document update:
 *
 *   where({ _id: roundId, voted: _.nin([deputyId]) })
 *     .update({ voted: _.push([deputyId]), ballots: _.push({ each: [ballot], position: random }) })
 *
 * - atomic: the "has voted" mark and the ballot are written together or not at all;
 * - once: a second vote (or a racing copy) matches nothing and is refused;
 * - secret: the ballot is only the sorted choices — no voter id, no hash of one, no time, no id —
 *   and goes to a uniformly random place among the ballots already cast, so the final order of
 *   `ballots` is a random permutation unrelated to the order of `voted`. The box carries no
 *   update time; the round's result holds only counts.
 *
 * What this cannot hide: someone who reads the box immediately before and after one deputy's vote
 * (or the database's own write journal) sees which ballot appeared. Only the function's
 * administrative credentials can read the box; no action returns it.
 */
export async function openBallotBox(db: Database, roundId: string): Promise<void> {
  const box: BallotBoxDocument = { _id: roundId, roundId, voted: [], ballots: [] };
  await db.collection(COLLECTIONS.projectBallotBoxes).add(box);
}

/** Whether the deputy has voted in the round. One request. */
export async function hasVoted(db: Database, roundId: string, deputyId: string): Promise<boolean> {
  const _ = db.command;
  const { total } = await db
    .collection(COLLECTIONS.projectBallotBoxes)
    .where({ _id: roundId, voted: _.in([deputyId]) })
    .count();
  return total > 0;
}

/** Casts the deputy's ballot (choices already checked). Two requests: the box's size, then the conditional write. */
export async function castBallot(db: Database, roundId: string, deputyId: string, choices: readonly string[]): Promise<void> {
  const _ = db.command;
  const boxes = db.collection(COLLECTIONS.projectBallotBoxes);
  const { data } = await boxes.where({ _id: roundId }).limit(1).field({ voted: true }).get();
  const box = (data as Array<Pick<BallotBoxDocument, 'voted'>>)[0] ?? fail('PROJECT.ROUND_NOT_FOUND');
  if (box.voted.includes(deputyId)) fail('PROJECT.ALREADY_VOTED');
  const position = randomInt(0, box.voted.length + 1);
  const ballot = { choices: [...choices].sort() };
  const { updated } = await boxes.where({ _id: roundId, voted: _.nin([deputyId]) }).update({
    voted: _.push([deputyId]),
    ballots: _.push({ each: [ballot], position }),
  });
  if (updated !== 1) fail('PROJECT.ALREADY_VOTED');
}

/**
 * The round as it stands, counted if its vote closed and nobody counted it yet: the first read
 * after the window counts the box, marks the chosen candidates, then writes the result once (a
 * racing count writes the same). Candidates before the round, so a count cut short is redone.
 */
export async function countedRound(db: Database, round: RoundDocument, now: Date): Promise<RoundDocument> {
  if (round.result || !voteClosed(round, now) || !round.candidatesPublished) return round;
  const _ = db.command;
  const [{ data: boxes }, { data: candidates }, eligible] = await Promise.all([
    db.collection(COLLECTIONS.projectBallotBoxes).where({ _id: round._id }).limit(1).field({ ballots: true }).get(),
    db.collection(COLLECTIONS.projectCandidates).where({ roundId: round._id }).orderBy('number', 'asc').limit(200).field({ _id: true, number: true, cost: true }).get(),
    eligibleDeputyCount(db, round),
  ]);
  const ballots = (boxes as BallotBoxDocument[])[0]?.ballots ?? [];
  const counted = tally(
    (candidates as CandidateDocument[]).map((c) => ({ candidateId: c._id, number: c.number, cost: c.cost })),
    ballots,
    round,
  );
  const chosenIds = counted.rows.filter((r) => r.chosen).map((r) => r.candidateId);
  if (chosenIds.length > 0)
    await db
      .collection(COLLECTIONS.projectCandidates)
      .where({ _id: _.in(chosenIds) })
      .update({ chosen: true });
  const result = { countedAt: now, ballots: counted.ballots, eligible, rows: counted.rows };
  await db
    .collection(COLLECTIONS.projectRounds)
    .where({ _id: round._id, result: null })
    .update({ result: _.set(result), updatedAt: now });
  const { data } = await db.collection(COLLECTIONS.projectRounds).where({ _id: round._id }).limit(1).get();
  return (data as RoundDocument[])[0] ?? { ...round, result };
}
