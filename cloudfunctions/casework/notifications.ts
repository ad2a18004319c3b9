import { shanghaiClock, shanghaiDay } from '../../miniprogram/shared/domain/time';
import { ANSWER_CATEGORY_LABELS } from '../../miniprogram/shared/domain/casework';
import { sendEachSubscribeMessage, type SubscribeMessage } from '../core/openapi';
import type { Database } from '../core/cloud';
import { notifyResident, type ResidentNotice } from '../core/residentNotice';
import type { OpinionDocument } from '../../infra/documents/opinions';
import { FOLLOW_UP_PAGE, MY_OPINION_PAGE, STAFF_CASE_PAGE, templateIds } from './config';

/** 督办: tells each handler of the departments still to answer; answers how many WeChat accepted. */
export async function notifyUrged(opinion: OpinionDocument, handlers: ReadonlyArray<{ openid: string; departmentName: string }>, note: string, now: Date): Promise<number> {
  // The last day allowed: dueAt is the midnight that ends it.
  const lastDay = shanghaiDay(new Date(new Date(opinion.deadline?.dueAt ?? now).getTime() - 1));
  const messages = handlers.map((handler) => ({
    touser: handler.openid,
    templateId: templateIds().urge,
    page: `${STAFF_CASE_PAGE}?opinionId=${opinion._id}`,
    data: { character_string1: opinion.trackingNo, thing2: note, date3: lastDay, thing4: handler.departmentName || '承办单位' },
  }));
  return (await sendEachSubscribeMessage('casework', messages)).filter(Boolean).length;
}

type CaseOfAuthor = Pick<OpinionDocument, '_id' | 'authorOpenid' | 'trackingNo'>;

/** A message about their case to its author, opening `page` on it; worth an acceptance. Answers whether WeChat took it. */
async function tellAuthor(
  db: Database,
  opinion: CaseOfAuthor,
  page: string,
  notice: Omit<ResidentNotice, 'message' | 'worth'> & Pick<SubscribeMessage, 'templateId' | 'data'>,
  at: Date,
): Promise<boolean> {
  const { templateId, data, ...inbox } = notice;
  const message = { touser: opinion.authorOpenid, templateId, page: `${page}?opinionId=${opinion._id}`, data };
  return (await notifyResident(db, { message, worth: 'key', ...inbox }, at)) === 'sent';
}

/** The approved answer (the case closed) reaches the resident, who is asked to rate it. */
export async function notifyAnswered(db: Database, opinion: OpinionDocument, at: Date): Promise<boolean> {
  const outcome = opinion.outcome ? ANSWER_CATEGORY_LABELS[opinion.outcome] : '已答复';
  return tellAuthor(
    db,
    opinion,
    MY_OPINION_PAGE,
    {
      templateId: templateIds().answer,
      data: { character_string1: opinion.trackingNo, thing2: `办理结果：${outcome}`, time3: shanghaiClock(at), thing4: '请查看答复并评价是否满意' },
      event: 'case.answered',
      title: `您的意见已办结：${outcome}`,
      body: `${opinion.trackingNo}：请查看答复并评价是否满意。`,
    },
    at,
  );
}

/**
 * 回访: the resident is asked whether the problem is really solved. Worth an acceptance of the 回访
 * template (asked for when they rate), never one given for replies; with none left it waits in 我的消息.
 */
export async function notifyFollowUp(db: Database, opinion: CaseOfAuthor, at: Date): Promise<boolean> {
  return tellAuthor(
    db,
    opinion,
    FOLLOW_UP_PAGE,
    {
      templateId: templateIds().followUp,
      data: { character_string1: opinion.trackingNo, thing2: '问题是否真正解决了', thing3: '请点开告诉我们' },
      event: 'case.followUp',
      title: '回访：您反映的问题解决了吗？',
      body: `${opinion.trackingNo}：办结已有一段时间，请告诉我们问题是否真正解决。`,
    },
    at,
  );
}
