import { COLLECTIONS } from '../../infra/database';
import { findAccount, type AccountDocument } from '../core/accounts';
import type { CallContext } from '../core/handler';
import type { BookingDocument, RecordDocument } from '../../infra/documents/booking';
import type { OpinionDocument } from '../../infra/documents/opinions';

/** A resident's data lives in these few places; a resident has at most this many of each. */
const MOST = 1000;

export interface ResidentData {
  account: AccountDocument | undefined;
  opinions: OpinionDocument[];
  bookings: BookingDocument[];
  records: RecordDocument[];
}

/** Everything stored under the caller's OPENID. Four concurrent database requests. */
export async function loadResidentData(ctx: CallContext, openid: string): Promise<ResidentData> {
  const { db } = ctx;
  const [account, opinions, bookings, records] = await Promise.all([
    findAccount(db, openid),
    db.collection(COLLECTIONS.opinions).where({ authorOpenid: openid }).orderBy('createdAt', 'asc').limit(MOST).get(),
    db.collection(COLLECTIONS.bookings).where({ openid }).orderBy('date', 'asc').limit(MOST).get(),
    db.collection(COLLECTIONS.receptionRecords).where({ visitorOpenid: openid }).limit(MOST).get(),
  ]);
  return {
    account,
    opinions: opinions.data as OpinionDocument[],
    bookings: bookings.data as BookingDocument[],
    records: records.data as RecordDocument[],
  };
}
