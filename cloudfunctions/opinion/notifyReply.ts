import { shanghaiClock } from '../../miniprogram/shared/domain/time';
import type { Database } from '../core/cloud';
import { notifyResident } from '../core/residentNotice';
import { MY_OPINION_PAGE, templateIds } from './config';
import type { OpinionDocument } from '../../infra/documents/opinions';

/**
 * Tells the resident their deputy replied: a subscribe message opening the opinion when they
 * allowed one (the budget, core/residentNotice), else the news waits in 我的消息. The reply is
 * already stored either way. Answers whether it went by WeChat.
 */
export async function notifyReply(db: Database, opinion: OpinionDocument, reply: { text: string; deputyName: string; at: Date }): Promise<boolean> {
  const page = `${MY_OPINION_PAGE}?opinionId=${opinion._id}`;
  const outcome = await notifyResident(
    db,
    {
      message: {
        touser: opinion.authorOpenid,
        templateId: templateIds().reply,
        page,
        data: { character_string1: opinion.trackingNo, thing2: reply.text, name3: reply.deputyName, time4: shanghaiClock(reply.at) },
      },
      worth: 'key',
      event: 'opinion.replied',
      title: `${reply.deputyName}代表回复了您的意见`,
      body: `${opinion.trackingNo}：${reply.text}`,
    },
    reply.at,
  );
  return outcome === 'sent';
}
