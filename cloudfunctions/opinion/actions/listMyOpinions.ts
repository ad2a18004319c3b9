import { COLLECTIONS } from '../../../infra/database';
import { requireOpenid } from '../../core/caller';
import type { Handler } from '../../core/handler';
import { mySummary, type OpinionDocument } from '../../../infra/documents/opinions';
import { readPage, type PageOrder } from '../../core/paging';

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
export const listMyOpinions: Handler<'opinion.listMine'> = async ({ cursor, pageSize = MY_OPINIONS_PAGE_SIZE }, ctx) => {
  const openid = requireOpenid(ctx);
  const { db } = ctx;
  const order: PageOrder = { field: 'createdAt', direction: 'desc' };
  const page = { collection: COLLECTIONS.opinions, where: [{ authorOpenid: openid }], order, cursor, pageSize, fields: SUMMARY_FIELDS };
  const { items, nextCursor } = await readPage<OpinionDocument>(db, page);
  return { items: items.map(mySummary), nextCursor };
};
