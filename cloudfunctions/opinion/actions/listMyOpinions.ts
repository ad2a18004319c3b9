import { COLLECTIONS } from '../../../infra/database';
import { requireOpenid } from '../../core/caller';
import type { Handler } from '../../core/handler';
import { mySummary, type OpinionDocument } from '../../../infra/documents/opinions';

export const MY_OPINIONS_PAGE_SIZE = 10;

/** The fields a list row needs: not the photos or contact; of the moderation only its state (待审核 / 未通过审核). */
const SUMMARY_FIELDS = {
  _id: true,
  trackingNo: true,
  category: true,
  text: true,
  deputyId: true,
  deputyName: true,
  stationId: true,
  stationName: true,
  status: true,
  timeline: true,
  createdAt: true,
  'moderation.state': true,
};

/** 我的意见: the caller's own opinions, newest first, a page at a time. One database request. */
export const listMyOpinions: Handler<'opinion.listMine'> = async ({ cursor = 0, pageSize = MY_OPINIONS_PAGE_SIZE }, ctx) => {
  const openid = requireOpenid(ctx);
  const { data } = await ctx.db
    .collection(COLLECTIONS.opinions)
    .where({ authorOpenid: openid })
    .orderBy('createdAt', 'desc')
    .skip(cursor)
    .limit(pageSize + 1)
    .field(SUMMARY_FIELDS)
    .get();
  const rows = data as OpinionDocument[];
  return {
    items: rows.slice(0, pageSize).map(mySummary),
    nextCursor: rows.length > pageSize ? cursor + pageSize : null,
  };
};
