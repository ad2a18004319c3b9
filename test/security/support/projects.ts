import { COLLECTIONS } from '../../../infra/database';
import { addDays, shanghaiDate } from '../../../miniprogram/shared/domain/time';
import { roundOpening } from '../../support/projects';
import { ok, type TestRuntime } from '../../support/runtime';
import { ADMIN, database, fresh, type World } from './world';

/**
 * 票决 rounds for the matrix, each fresh: a round of 临江市's congress (its staff: the city
 * administrator; its deputies: dp-005 deputyHere and dp-006 deputyElsewhere) with three candidates
 * delivered by 江南区住建局 (handlerHere's unit), put at the stage a row needs. The matrix runs at
 * one instant, so later stages are reached by moving the round's own dates in the database.
 */
export type MatrixStage = 'proposing' | 'commenting' | 'voting' | 'delivering' | 'rating';

export interface MatrixRound {
  roundId: string;
  candidateIds: string[];
}

const HOUR = 3_600_000;

async function moveDates(t: TestRuntime, roundId: string, fields: Record<string, unknown>): Promise<void> {
  await database(t).collection(COLLECTIONS.projectRounds).where({ _id: roundId }).update(fields);
}

export async function matrixRound(t: TestRuntime, world: World, stage: MatrixStage): Promise<MatrixRound> {
  const now = t.clock.now();
  const today = shanghaiDate(now);
  const { round } = ok(await t.call('project.openRound', roundOpening(today, { clientRequestId: fresh('sec-round'), maxChoices: 1, tieRule: 'earlierNumber' }), { openid: ADMIN }));
  const roundId = round.roundId;
  if (stage === 'proposing') return { roundId, candidateIds: [] };
  const candidateIds: string[] = [];
  for (const title of ['老旧小区加装电梯', '城区公厕改造提升', '社区食堂建设']) {
    const { candidate } = ok(
      await t.call(
        'project.addCandidate',
        { roundId, title, description: '根据群众建议在城区统筹实施，年内完成建设并投入使用。', place: '临江市城区', cost: 100, unitId: 'dept-jn-zhujian' },
        { openid: ADMIN },
      ),
    );
    candidateIds.push(candidate.candidateId);
  }
  ok(await t.call('project.publishCandidates', { roundId }, { openid: ADMIN }));
  if (stage === 'commenting') return { roundId, candidateIds };
  await moveDates(t, roundId, {
    proposalsUntil: addDays(today, -5),
    commentsUntil: addDays(today, -3),
    voteFrom: new Date(now.getTime() - HOUR),
    voteUntil: new Date(now.getTime() + 24 * HOUR),
  });
  if (stage === 'voting') return { roundId, candidateIds };
  const first = candidateIds[0] ?? '';
  ok(await t.call('project.vote', { roundId, choices: [first] }, { openid: world.openids.deputyHere }));
  ok(await t.call('project.vote', { roundId, choices: [first] }, { openid: world.openids.deputyElsewhere }));
  await moveDates(t, roundId, { voteFrom: new Date(now.getTime() - 2 * HOUR), voteUntil: new Date(now.getTime() - HOUR) });
  ok(await t.call('project.getRound', { roundId }));
  if (stage === 'delivering') return { roundId, candidateIds };
  await moveDates(t, roundId, { ratingFrom: addDays(today, -1), ratingUntil: addDays(today, 1) });
  return { roundId, candidateIds };
}

/** A proposal the owner made that WeChat's content security (the runtime's word list) holds for review. */
export async function heldProposal(t: TestRuntime, world: World, owner: string): Promise<string> {
  const { roundId } = await matrixRound(t, world, 'proposing');
  const { proposal } = ok(
    await t.call(
      'project.propose',
      { roundId, clientRequestId: fresh('sec-req'), title: '社区食堂建设', description: '建议建社区食堂，加微信领红包的活动也可以一起办。', place: '湖滨社区' },
      { openid: owner },
    ),
  );
  return proposal.proposalId;
}
