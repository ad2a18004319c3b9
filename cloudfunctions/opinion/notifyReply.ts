import { shanghaiClock } from '../../miniprogram/shared/domain/time';
import { sendSubscribeMessage, WxOpenApiError } from '../core/openapi';
import { MY_OPINION_PAGE, replyTemplateId } from './config';
import type { OpinionDocument } from '../../infra/documents/opinions';

/**
 * Tells the resident their deputy replied, with a subscribe message opening the opinion. The
 * reply is already stored: a message WeChat refuses (the resident did not subscribe, 43101) is
 * logged, not an error, and the resident still finds the reply in 我的意见.
 */
export async function notifyReply(opinion: OpinionDocument, reply: { text: string; deputyName: string; at: Date }): Promise<boolean> {
  try {
    await sendSubscribeMessage({
      touser: opinion.authorOpenid,
      templateId: replyTemplateId(),
      page: `${MY_OPINION_PAGE}?opinionId=${opinion._id}`,
      data: {
        character_string1: opinion.trackingNo,
        thing2: reply.text,
        name3: reply.deputyName,
        time4: shanghaiClock(reply.at),
      },
    });
    return true;
  } catch (error) {
    if (error instanceof WxOpenApiError) console.warn(`[opinion] reply notice to ${opinion.trackingNo} not sent: ${error.errcode} ${error.errmsg}`);
    else console.error(`[opinion] reply notice to ${opinion.trackingNo} failed`, error);
    return false;
  }
}
