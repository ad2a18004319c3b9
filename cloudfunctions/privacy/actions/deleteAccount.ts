import { randomBytes } from 'node:crypto';
import { COLLECTIONS } from '../../../infra/database';
import type { RatingDocument, ReviewDocument } from '../../../infra/documents/duty';
import type { PrivacyExportDocument } from '../../../infra/documents/privacy';
import { ACTIVE_STATUSES } from '../../../miniprogram/shared/domain/booking';
import { reviewPhase } from '../../../miniprogram/shared/domain/duty';
import { ERASED_NAME } from '../../../miniprogram/shared/domain/privacy';
import { shanghaiDate } from '../../../miniprogram/shared/domain/time';
import { requireOpenid } from '../../core/caller';
import { fail } from '../../core/errors';
import { forgetCaller } from '../../core/rateLimit';
import type { CallContext, Handler } from '../../core/handler';
import { deleteFiles } from '../../core/storage';
import { loadResidentData } from '../residentData';

/**
 * A random stand-in for the OPENID, a new one for every record: the case history stays countable, and
 * nothing links the records to each other or back to the person.
 */
function anonymousId(): string {
  return `anon-${randomBytes(12).toString('hex')}`;
}

/**
 * A resident deletes their account (个人信息保护法 第四十七条). Identity and contact data are erased:
 * the account is removed; on their opinions, bookings and visit records the OPENID becomes one
 * anonymous id of its own (none shared between records), the client request id that with the OPENID
 * made an opinion's id is removed, and names, phones, locations and photos are removed (photos deleted from storage), and the files of their
 * data exports are deleted from storage.
 * What stays is the anonymous case history — category, text, station, dates, handling, rating — so
 * the statistics stay true. 述职评议 ratings go with their comments (and the deputy's answers to
 * them): in a period still open the rating is removed (counted again only if they rate anew), in
 * one that ended it stays as an anonymous vote so the published result does not change. Afterwards the same WeChat user is a new resident with nothing behind
 * them. Refused for deputy and staff accounts (an administrator unbinds them first) and while a
 * booking is still ahead (cancel it first: the station expects that visitor).
 */
export const deleteAccount: Handler<'privacy.deleteAccount'> = async ({ confirm }, ctx) => {
  const openid = requireOpenid(ctx);
  if (!confirm) fail('PRIVACY.CONFIRM_REQUIRED');
  const { db, now } = ctx;
  const stored = await loadResidentData(ctx, openid);
  const roles = stored.account?.roles ?? [];
  if (roles.includes('deputy') || roles.includes('staff') || stored.account?.deputy || stored.account?.staff) fail('PRIVACY.ROLE_BOUND');
  const today = shanghaiDate(now);
  if (stored.bookings.some((booking) => ACTIVE_STATUSES.includes(booking.status) && booking.date >= today)) fail('PRIVACY.ACTIVE_BOOKINGS');

  const photos = stored.opinions.flatMap((opinion) => opinion.photos);
  const deleted = photos.length > 0 ? await deleteFiles(photos) : [];
  // Every file of theirs goes: the photos above, and the files their data exports wrote.
  const { data: exportRows } = await db.collection(COLLECTIONS.privacyExports).where({ openid }).limit(1000).get();
  const exportFiles = (exportRows as PrivacyExportDocument[]).map((row) => row.fileID);
  const exportsDeleted = exportFiles.length > 0 ? await deleteFiles(exportFiles) : [];
  await Promise.all([
    ...stored.opinions.map((opinion) =>
      db
        .collection(COLLECTIONS.opinions)
        .doc(opinion._id)
        .update({
          authorOpenid: anonymousId(),
          clientRequestId: '',
          contact: null,
          location: null,
          photos: [],
          moderation: { ...opinion.moderation, photos: [] },
          // Nobody is left to ask the 回访.
          followUpDueAt: null,
          updatedAt: now,
        }),
    ),
    ...stored.bookings.map((booking) =>
      db
        .collection(COLLECTIONS.bookings)
        .doc(booking._id)
        // The unique activeKey starts with the OPENID; the booking's own id frees it for good.
        .update({ openid: anonymousId(), activeKey: booking._id, name: ERASED_NAME, phone: '', updatedAt: now }),
    ),
    ...stored.records.map((record) =>
      db.collection(COLLECTIONS.receptionRecords).doc(record._id).update({ visitorOpenid: anonymousId(), visitorName: ERASED_NAME, visitorPhone: '' }),
    ),
    // 我的消息 and the subscribe-message acceptances are theirs alone: gone with the account.
    db.collection(COLLECTIONS.residentMessages).where({ openid }).remove(),
    db.collection(COLLECTIONS.subscriptionBudgets).where({ openid }).remove(),
    // Their rate-limit counters are keyed by the OPENID.
    forgetCaller(db, openid),
    db.collection(COLLECTIONS.privacyExports).where({ openid }).remove(),
  ]);
  const reviewRatings = await eraseReviewRatings(ctx, openid, anonymousId(), today);
  if (stored.account) await db.collection(COLLECTIONS.accounts).doc(stored.account._id).remove();
  return {
    opinions: stored.opinions.length,
    bookings: stored.bookings.length,
    receptionRecords: stored.records.length,
    photosDeleted: deleted.filter((file) => file.deleted).length,
    exportsDeleted: exportsDeleted.filter((file) => file.deleted).length,
    reviewRatings,
  };
};

/**
 * The resident's 述职评议 ratings: each comment and its answer removed; the rating itself removed
 * while its period is open or ahead, kept under a fresh anonymous id once the period ended (its
 * id derives from the OPENID, so it is written anew rather than changed). Answers how many.
 */
async function eraseReviewRatings(ctx: CallContext, openid: string, anon: string, today: string): Promise<number> {
  const { db } = ctx;
  const _ = db.command;
  const { data } = await db.collection(COLLECTIONS.dutyRatings).where({ openid }).limit(1000).get();
  const ratings = data as RatingDocument[];
  if (ratings.length === 0) return 0;
  const { data: reviewRows } = await db
    .collection(COLLECTIONS.dutyReviews)
    .where({ _id: _.in([...new Set(ratings.map((rating) => rating.reviewId))]) })
    .limit(1000)
    .get();
  const ended = new Set((reviewRows as ReviewDocument[]).filter((review) => reviewPhase(review, today) === 'ended').map((review) => review._id));
  await Promise.all(
    ratings.map(async (rating) => {
      if (ended.has(rating.reviewId)) {
        await db.collection(COLLECTIONS.dutyRatings).add({
          ...rating,
          _id: `rt-${anon}-${randomBytes(6).toString('hex')}`,
          openid: anon,
          comment: null,
          commentId: null,
          commentState: null,
        });
      }
      await db.collection(COLLECTIONS.dutyRatings).doc(rating._id).remove();
      if (rating.commentId) {
        await db
          .collection(COLLECTIONS.dutyReports)
          .doc(rating.reportId)
          .update({ [`answers.${rating.commentId}`]: _.remove() });
      }
    }),
  );
  return ratings.length;
}
