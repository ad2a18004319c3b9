import { COLLECTIONS } from '../../infra/database';
import type { CandidateDocument, FollowDocument } from '../../infra/documents/projects';
import { shanghaiClock } from '../../miniprogram/shared/domain/time';
import type { Database } from '../core/cloud';
import { sendSubscribeMessage, WxOpenApiError } from '../core/openapi';

/** 项目进展通知: thing1 the project, thing2 the milestone, time3 when. */
export const DEFAULT_MILESTONE_TEMPLATE_ID = 'lxq-project-milestone';
export const PROJECT_PAGE = 'packages/project/candidate/index';

function milestoneTemplateId(): string {
  return process.env.PROJECT_MILESTONE_TEMPLATE_ID || DEFAULT_MILESTONE_TEMPLATE_ID;
}

const MOST_FOLLOWERS = 1000;

/**
 * Tells every resident following the project of a milestone. Each message goes on its own; one
 * WeChat refuses (the resident did not subscribe) is logged and not counted. Answers how many were
 * sent. One database request, then one cloud call per follower.
 */
export async function tellFollowers(db: Database, candidate: Pick<CandidateDocument, '_id' | 'title'>, milestone: string, now: Date): Promise<number> {
  const { data } = await db.collection(COLLECTIONS.projectFollows).where({ candidateId: candidate._id }).limit(MOST_FOLLOWERS).field({ openid: true }).get();
  const sent = await Promise.all(
    (data as FollowDocument[]).map(async ({ openid }) => {
      try {
        await sendSubscribeMessage({
          touser: openid,
          templateId: milestoneTemplateId(),
          page: `${PROJECT_PAGE}?candidateId=${candidate._id}`,
          data: { thing1: candidate.title, thing2: milestone, time3: shanghaiClock(now) },
        });
        return true;
      } catch (error) {
        if (error instanceof WxOpenApiError) console.warn(`[project] milestone message not sent: ${error.errcode} ${error.errmsg}`);
        else console.error('[project] milestone message failed', error);
        return false;
      }
    }),
  );
  return sent.filter(Boolean).length;
}
