import { templateIdsOf } from '../core/templates';
import { COLLECTIONS } from '../../infra/database';
import type { CandidateDocument, FollowDocument } from '../../infra/documents/projects';
import { shanghaiClock } from '../../miniprogram/shared/domain/time';
import type { Database } from '../core/cloud';
import { notifyResidents, type NoticeWorth } from '../core/residentNotice';

export const PROJECT_PAGE = 'packages/project/candidate/index';

const templateIds = templateIdsOf('project');

const MOST_FOLLOWERS = 1000;

/**
 * Tells every resident following the project of a milestone, through the subscription budget
 * (core/residentNotice): a `minor` milestone never spends an acceptance. Answers how many went by
 * WeChat. One database request, then the budget and a cloud call per follower.
 */
export async function tellFollowers(db: Database, candidate: Pick<CandidateDocument, '_id' | 'title'>, milestone: string, now: Date, worth: NoticeWorth): Promise<number> {
  const { data } = await db.collection(COLLECTIONS.projectFollows).where({ candidateId: candidate._id }).limit(MOST_FOLLOWERS).field({ openid: true }).get();
  const page = `${PROJECT_PAGE}?candidateId=${candidate._id}`;
  return notifyResidents(
    db,
    (data as FollowDocument[]).map(({ openid }) => ({
      message: { touser: openid, templateId: templateIds().milestone, page, data: { thing1: candidate.title, thing2: milestone, time3: shanghaiClock(now) } },
      worth,
      event: 'project.progress',
      title: `民生实事进展：${candidate.title}`,
      body: milestone,
    })),
    now,
  );
}
