import { bookingOnDay, recordIdFor, type BookedSlot, type BookingDocument, type BookingFields, type DayDocument, type RecordDocument } from '../../infra/documents/booking';

/** A seeded booking of a reception day, shaped as the booking function writes one (its own id as activeKey unless given). */
export function seedBooking(day: DayDocument, slot: BookedSlot, visit: Omit<BookingFields, 'activeKey'> & { activeKey?: string }): BookingDocument {
  return bookingOnDay(day, slot, { ...visit, activeKey: visit.activeKey ?? visit._id });
}

/** The reception record of a seeded visit: the visitor raised their booking's topic with the deputies who received them. */
export function seedRecord(booking: BookingDocument, received: Pick<RecordDocument, 'deputyIds' | 'recordedBy' | 'recordedAt'>): RecordDocument {
  return {
    _id: recordIdFor(booking._id),
    bookingId: booking._id,
    dayId: booking.dayId,
    stationId: booking.stationId,
    areaPath: booking.areaPath,
    visitorOpenid: booking.openid,
    visitorName: booking.name,
    visitorPhone: booking.phone,
    deputyIds: received.deputyIds,
    items: [{ text: booking.topic, toOpinion: false, category: 'other', opinionId: null, trackingNo: null }],
    note: '',
    recordedBy: received.recordedBy,
    recordedAt: received.recordedAt,
  };
}
