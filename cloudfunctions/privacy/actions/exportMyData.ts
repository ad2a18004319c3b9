import { randomBytes } from 'node:crypto';
import { COLLECTIONS } from '../../../infra/database';
import type { PrivacyExportDocument } from '../../../infra/documents/privacy';
import type { MyData } from '../../../miniprogram/shared/contract/privacy';
import { EXPORT_LINK_SECONDS } from '../../../miniprogram/shared/domain/privacy';
import { shanghaiDate } from '../../../miniprogram/shared/domain/time';
import { requireOpenid } from '../../core/caller';
import type { Handler } from '../../core/handler';
import { getDownloadUrls, uploadBuffer } from '../../core/storage';
import { loadResidentData, type ResidentData } from '../residentData';

const iso = (value: Date | string | undefined): string | undefined => (value === undefined ? undefined : new Date(value).toISOString());

export function myDataOf(stored: ResidentData, now: Date): MyData {
  const { account, opinions, bookings, records } = stored;
  return {
    exportedAt: now.toISOString(),
    account: account
      ? {
          roles: account.roles?.length ? account.roles : ['resident'],
          preferences: { ...account.preferences },
          ...(account.createdAt ? { createdAt: iso(account.createdAt) } : {}),
        }
      : null,
    opinions: opinions.map((opinion) => ({
      trackingNo: opinion.trackingNo,
      createdAt: new Date(opinion.createdAt).toISOString(),
      category: opinion.category,
      text: opinion.text,
      photos: opinion.photos,
      location: opinion.location,
      contact: opinion.contact,
      status: opinion.status,
      ...(opinion.rating ? { rating: { value: opinion.rating.value, ...(opinion.rating.comment ? { comment: opinion.rating.comment } : {}) } } : {}),
    })),
    bookings: bookings.map((booking) => ({
      code: booking.code,
      stationName: booking.stationName,
      date: booking.date,
      slotStart: booking.slotStart,
      slotEnd: booking.slotEnd,
      name: booking.name,
      phone: booking.phone,
      topic: booking.topic,
      status: booking.status,
      createdAt: new Date(booking.createdAt).toISOString(),
    })),
    receptionRecords: records.map((record) => ({
      stationId: record.stationId,
      visitorName: record.visitorName,
      visitorPhone: record.visitorPhone,
      recordedAt: new Date(record.recordedAt).toISOString(),
    })),
  };
}

/**
 * A resident sees and copies everything stored about them (个人信息保护法 第四十五条): their account,
 * their opinions with the contact they left, their bookings and the records of their visits. Also
 * written as a JSON file under an unguessable name, answered with a download URL that expires in
 * EXPORT_LINK_SECONDS; the file is recorded as theirs, so deleting the account deletes it. Five
 * database requests and two storage calls.
 */
export const exportMyData: Handler<'privacy.exportMyData'> = async (_payload, ctx) => {
  const openid = requireOpenid(ctx);
  const { db, now } = ctx;
  const data = myDataOf(await loadResidentData(ctx, openid), now);
  const name = `我的数据-${shanghaiDate(now)}.json`;
  const fileID = await uploadBuffer({
    cloudPath: `privacy-exports/${randomBytes(16).toString('hex')}/my-data-${shanghaiDate(now)}.json`,
    content: Buffer.from(JSON.stringify(data, null, 2), 'utf8'),
  });
  const record: PrivacyExportDocument = { openid, fileID, createdAt: now };
  await db.collection(COLLECTIONS.privacyExports).add(record);
  const [download] = await getDownloadUrls([fileID], EXPORT_LINK_SECONDS);
  return { data, file: { fileID, url: download?.url ?? '', name, expiresAt: new Date(now.getTime() + EXPORT_LINK_SECONDS * 1000).toISOString() } };
};
