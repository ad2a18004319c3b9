import { randomBytes } from 'node:crypto';
import { COLLECTIONS } from '../../../infra/database';
import { ACTIVE_STATUSES } from '../../../miniprogram/shared/domain/booking';
import { ERASED_NAME } from '../../../miniprogram/shared/domain/privacy';
import { shanghaiDate } from '../../../miniprogram/shared/domain/time';
import { requireOpenid } from '../../core/caller';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
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
 * made an opinion's id is removed, and names, phones, locations and photos are removed (photos deleted from storage).
 * What stays is the anonymous case history — category, text, station, dates, handling, rating — so
 * the statistics stay true. Afterwards the same WeChat user is a new resident with nothing behind
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
  ]);
  if (stored.account) await db.collection(COLLECTIONS.accounts).doc(stored.account._id).remove();
  return {
    opinions: stored.opinions.length,
    bookings: stored.bookings.length,
    receptionRecords: stored.records.length,
    photosDeleted: deleted.filter((file) => file.deleted).length,
  };
};
