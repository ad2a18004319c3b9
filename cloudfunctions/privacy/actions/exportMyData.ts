import { randomBytes } from 'node:crypto';
import type { MyData } from '../../../miniprogram/shared/contract/privacy';
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
 * written as a JSON file under an unguessable name, answered with a one-hour download URL. Four
 * database requests and two storage calls.
 */
export const exportMyData: Handler<'privacy.exportMyData'> = async (_payload, ctx) => {
  const openid = requireOpenid(ctx);
  const data = myDataOf(await loadResidentData(ctx, openid), ctx.now);
  const name = `我的数据-${shanghaiDate(ctx.now)}.json`;
  const fileID = await uploadBuffer({
    cloudPath: `privacy-exports/${randomBytes(16).toString('hex')}/my-data-${shanghaiDate(ctx.now)}.json`,
    content: Buffer.from(JSON.stringify(data, null, 2), 'utf8'),
  });
  const [download] = await getDownloadUrls([fileID]);
  return { data, file: { fileID, url: download?.url ?? '', name } };
};
