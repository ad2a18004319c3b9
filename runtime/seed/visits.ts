import { recordIdFor, type BookingDocument, type DayDocument, type RecordDocument } from '../../infra/documents/booking';

/** Where in the day a seeded visit sits: a slot it booked, or a walk-in's arrival time (no slot, index -1). */
export interface SeedSlot {
  id: string;
  index: number;
  start: string;
  end: string;
}

export const walkInSlot = (arrival: string): SeedSlot => ({ id: '', index: -1, start: arrival, end: arrival });

export type SeedVisit = Pick<BookingDocument, '_id' | 'code' | 'kind' | 'openid' | 'status' | 'name' | 'phone' | 'topic' | 'queuedAt' | 'createdAt' | 'updatedAt'> & {
  /** Defaults to the booking's own id (what a booking no longer holding a place keeps). */
  activeKey?: string;
};

/** A seeded booking of a reception day, shaped as the booking function writes one; the caller adds check-in or cancellation fields. */
export function seedBooking(day: DayDocument, slot: SeedSlot, visit: SeedVisit): BookingDocument {
  return {
    _id: visit._id,
    code: visit.code,
    kind: visit.kind,
    openid: visit.openid,
    status: visit.status,
    activeKey: visit.activeKey ?? visit._id,
    dayId: day._id,
    epoch: day.epoch,
    stationId: day.stationId,
    stationName: day.stationName,
    stationAddress: day.stationAddress,
    areaPath: day.areaPath,
    date: day.date,
    slotId: slot.id,
    slotIndex: slot.index,
    slotStart: slot.start,
    slotEnd: slot.end,
    name: visit.name,
    phone: visit.phone,
    topic: visit.topic,
    queuedAt: visit.queuedAt,
    createdAt: visit.createdAt,
    updatedAt: visit.updatedAt,
  };
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
