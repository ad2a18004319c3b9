import { COLLECTIONS } from '../../infra/database';
import type { CandidateDocument, RoundDocument } from '../../infra/documents/projects';
import { CONGRESS_LEVEL } from '../../infra/documents/suggestions';
import type { StaffScope } from '../../miniprogram/shared/domain/account';
import type { Deputy } from '../../miniprogram/shared/domain/directory';
import { congressCaller, loadCaller, scopeCovers, type CongressCaller } from '../core/caller';
import type { Database } from '../core/cloud';
import { fail } from '../core/errors';
import type { CallContext } from '../core/handler';

/**
 * Who takes part in a round, and how:
 * - residents (anyone signed in) propose, comment and follow;
 * - congress staff of the round's area (area staff, administrators whose area covers it) open it,
 *   moderate, make the candidate list and may report progress; station staff work no round;
 * - a unit's handlers report the progress of their unit's projects;
 * - deputies of the round's level (a city's 市人大代表, a district's 县（区）人大代表, a township's
 *   乡（镇）人大代表) who receive at a station in its area vote, inspect and rate.
 * Rounds, candidates and results are public: anyone may read them.
 */
export type ProjectCaller = CongressCaller;
export const projectCaller = congressCaller;

export async function loadProjectCaller(ctx: CallContext): Promise<ProjectCaller> {
  return projectCaller(await loadCaller(ctx));
}

/** Congress staff whose area covers the round's; AUTH.FORBIDDEN for anyone else. */
export function requireRoundStaff(caller: ProjectCaller, round: Pick<RoundDocument, 'areaPath'>): StaffScope {
  if (!caller.staff || !scopeCovers(caller.staff, { areaPath: round.areaPath })) fail('AUTH.FORBIDDEN');
  return caller.staff;
}

export function isRoundStaff(caller: ProjectCaller, round: Pick<RoundDocument, 'areaPath'>): boolean {
  return !!caller.staff && scopeCovers(caller.staff, { areaPath: round.areaPath });
}

/** Deputies only: AUTH.FORBIDDEN for anyone else. */
export function requireDeputy(caller: ProjectCaller): { deputyId: string; name: string } {
  return caller.deputy ?? fail('AUTH.FORBIDDEN');
}

export async function findRound(db: Database, roundId: string): Promise<RoundDocument | undefined> {
  const { data } = await db.collection(COLLECTIONS.projectRounds).where({ _id: roundId }).limit(1).get();
  return (data as RoundDocument[])[0];
}

export async function requireRound(db: Database, roundId: string): Promise<RoundDocument> {
  return (await findRound(db, roundId)) ?? fail('PROJECT.ROUND_NOT_FOUND');
}

export async function findCandidate(db: Database, candidateId: string): Promise<CandidateDocument | undefined> {
  const { data } = await db.collection(COLLECTIONS.projectCandidates).where({ _id: candidateId }).limit(1).get();
  return (data as CandidateDocument[])[0];
}

/** A candidate and its round; one that is not published yet is found only by the round's staff (PROJECT.NOT_FOUND otherwise). */
export async function requireCandidate(db: Database, candidateId: string, caller: ProjectCaller | null): Promise<{ candidate: CandidateDocument; round: RoundDocument }> {
  const candidate = (await findCandidate(db, candidateId)) ?? fail('PROJECT.NOT_FOUND');
  const round = (await findRound(db, candidate.roundId)) ?? fail('PROJECT.NOT_FOUND');
  if (!round.candidatesPublished && !(caller && isRoundStaff(caller, round))) fail('PROJECT.NOT_FOUND');
  return { candidate, round };
}

type Voter = Pick<Deputy, '_id' | 'level' | 'active'> & { stations: Array<{ areaPath: string[] }> };

function deputyQuery(db: Database, round: Pick<RoundDocument, 'areaId' | 'areaKind'>) {
  return db
    .collection(COLLECTIONS.deputies)
    .aggregate()
    .match({ active: true, level: CONGRESS_LEVEL[round.areaKind] ?? 'none' })
    .lookup({ from: COLLECTIONS.stations, localField: 'stationIds', foreignField: '_id', as: 'stations' })
    .match({ 'stations.areaPath': round.areaId });
}

/** Whether this deputy is one of the round's congress: active, of its level, receiving at a station in its area. One request. */
export async function isEligibleDeputy(db: Database, round: Pick<RoundDocument, 'areaId' | 'areaKind'>, deputyId: string): Promise<boolean> {
  const { data } = await db
    .collection(COLLECTIONS.deputies)
    .aggregate()
    .match({ _id: deputyId, active: true, level: CONGRESS_LEVEL[round.areaKind] ?? 'none' })
    .lookup({ from: COLLECTIONS.stations, localField: 'stationIds', foreignField: '_id', as: 'stations' })
    .project({ _id: 1, level: 1, active: 1, 'stations.areaPath': 1 })
    .end();
  return (data as Voter[]).some((d) => d.stations.some((s) => s.areaPath.includes(round.areaId)));
}

/** The deputy as a member of the round's congress, or PROJECT.NOT_ELIGIBLE. */
export async function requireEligibleDeputy(db: Database, caller: ProjectCaller, round: RoundDocument): Promise<{ deputyId: string; name: string }> {
  const deputy = requireDeputy(caller);
  if (!(await isEligibleDeputy(db, round, deputy.deputyId))) fail('PROJECT.NOT_ELIGIBLE');
  return deputy;
}

/** How many deputies may vote in the round now. One request. */
export async function eligibleDeputyCount(db: Database, round: Pick<RoundDocument, 'areaId' | 'areaKind'>): Promise<number> {
  const { data } = await deputyQuery(db, round).count('n').end();
  return (data as Array<{ n: number }>)[0]?.n ?? 0;
}
