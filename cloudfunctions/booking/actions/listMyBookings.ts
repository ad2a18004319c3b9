import { COLLECTIONS } from '../../../infra/database';
import { isUpcoming } from '../../../miniprogram/shared/domain/booking';
import { requireOpenid } from '../../core/caller';
import type { Handler } from '../../core/handler';
import { myBooking, type BookingDocument } from '../../../infra/documents/booking';

/** How many of a resident's bookings "My bookings" shows, newest day first. */
const SHOWN = 100;

/** 我的预约: upcoming visits soonest first, then the past (and cancelled) newest first. One request. */
export const listMyBookings: Handler<'booking.listMine'> = async (_payload, ctx) => {
  const openid = requireOpenid(ctx);
  const { data } = await ctx.db.collection(COLLECTIONS.bookings).where({ openid }).orderBy('date', 'desc').orderBy('slotStart', 'desc').limit(SHOWN).get();
  const bookings = data as BookingDocument[];
  const upcoming = bookings.filter((b) => isUpcoming(b, ctx.now)).reverse();
  const past = bookings.filter((b) => !isUpcoming(b, ctx.now));
  return { upcoming: upcoming.map((b) => myBooking(b, ctx.now)), past: past.map((b) => myBooking(b, ctx.now)) };
};
