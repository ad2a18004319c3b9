import { COLLECTIONS } from '../../../infra/database';
import type { ProgressUpdate } from '../../../infra/documents/projects';
import { deliveryState, progressProblem } from '../../../miniprogram/shared/domain/project';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { isRoundStaff, loadProjectCaller, requireCandidate } from '../access';
import { countedRound } from '../ballotBox';
import { tellFollowers } from '../notifications';
import { candidateSummary } from '../views';

/**
 * The project's unit (its handlers) or the round's staff report progress on a chosen project: the
 * share done (never going back), a milestone, photos. Followers are told of each milestone, of the
 * start (开工) and of completion (竣工). A report written against a newer state is refused. Five
 * database requests, one more and a message per follower when they are told.
 */
export const reportProgress: Handler<'project.reportProgress'> = async ({ candidateId, percent, milestone, note, photos }, ctx) => {
  const { db, now } = ctx;
  const caller = await loadProjectCaller(ctx);
  if (!caller.staff && !caller.handler) fail('AUTH.FORBIDDEN');
  const { candidate, round: stored } = await requireCandidate(db, candidateId, caller);
  const unit = caller.handler?.departmentId === candidate.unitId;
  if (!unit && !isRoundStaff(caller, stored)) fail('AUTH.FORBIDDEN');
  const round = await countedRound(db, stored, now);
  const chosen = round.result?.rows.some((r) => r.candidateId === candidateId && r.chosen) ?? false;
  if (progressProblem({ chosen, percent: candidate.percent }, percent)) fail('PROJECT.PROGRESS_INVALID');

  const before = deliveryState(candidate.percent);
  const after = deliveryState(percent);
  const update: ProgressUpdate = {
    percent,
    milestone: milestone ?? null,
    note,
    photos,
    by: unit ? { role: 'handler', name: caller.handler?.departmentName ?? candidate.unitName } : { role: 'staff', name: caller.staffName ?? '人大工作人员' },
    at: now,
  };
  const _ = db.command;
  const set: Record<string, unknown> = { percent, progress: _.push([update]), updatedAt: now };
  if (before === 'notStarted' && after !== 'notStarted') set.startedAt = now;
  if (after === 'completed') set.completedAt = now;
  const { updated } = await db.collection(COLLECTIONS.projectCandidates).where({ _id: candidateId, percent: candidate.percent }).update(set);
  if (updated !== 1) fail('PROJECT.PROGRESS_INVALID');

  const news = milestone ?? (after !== before ? { notStarted: '', started: '项目已开工', completed: '项目已竣工' }[after] : '');
  // 开工 and 竣工 are worth a subscribe message; a milestone between them waits in 我的消息.
  const told = news ? await tellFollowers(db, candidate, news, now, after !== before ? 'key' : 'minor') : 0;
  const written = { ...candidate, percent, chosen, startedAt: (set.startedAt as Date | undefined) ?? candidate.startedAt, progress: [...candidate.progress, update] };
  return { candidate: candidateSummary(written, round, now), told };
};
