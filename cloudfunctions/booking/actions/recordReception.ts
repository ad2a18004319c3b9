import { COLLECTIONS } from '../../../infra/database';
import type { ReceptionItem } from '../../../miniprogram/shared/domain/booking';
import type { Database } from '../../core/cloud';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { opinionIdFor, storeOpinions, type OpinionDraft, type OpinionTarget } from '../../core/storeOpinion';
import { recordIdFor, recordView, type DayDocument, type RecordDocument } from '../../../infra/documents/booking';
import { requestDocumentId } from '../ids';
import { loadVisit } from '../receptionVisit';
import { markDayVisited, settleDay } from '../../core/visitCounters';

type ItemPayload = Parameters<Handler<'booking.recordReception'>>[0]['items'][number];

/** What the resident sees on the timeline of an opinion made from a reception item. */
const RECEPTION_SOURCE_NOTE = '接待时记录';

/**
 * The opinion an item of this visit becomes: derived from the visitor, the visit and the text, so
 * the same item written again (or a retried write) lands on the same opinion, never a second one.
 */
function opinionRequestId(bookingId: string, text: string): string {
  return `rr-${requestDocumentId(bookingId, text).slice(0, 24)}`;
}

const sameDeputies = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id) => b.includes(id));

/** One deputy received them: the opinion is theirs by name. Several or none: the station's, which all its deputies see. */
async function targetOf(db: Database, day: DayDocument, deputyIds: readonly string[]): Promise<OpinionTarget> {
  const station = { _id: day.stationId, code: day.stationCode, name: day.stationName, areaPath: day.areaPath };
  const [only] = deputyIds;
  if (deputyIds.length !== 1 || !only) return { deputy: null, station };
  const { data } = await db.collection(COLLECTIONS.deputies).where({ _id: only }).limit(1).field({ _id: 1, name: 1 }).get();
  const deputy = (data as Array<{ _id: string; name: string }>)[0];
  return { deputy: deputy ? { _id: deputy._id, name: deputy.name } : null, station };
}

/**
 * The record's items: an item already turned into an opinion stays as it was (named by its
 * `opinionId`, or the same text again), converted items the new write leaves out are kept, and
 * the rest are taken as written. Pure: what is still to convert has `toOpinion` and no `opinionId`.
 */
function mergeItems(previous: readonly ReceptionItem[], asked: readonly ItemPayload[], derivedId: (text: string) => string | null): ReceptionItem[] {
  const converted = new Map(previous.filter((item) => item.opinionId).map((item) => [item.opinionId as string, item]));
  const items: ReceptionItem[] = asked.map((item) => {
    const derived = item.toOpinion ? derivedId(item.text) : null;
    const kept = (item.opinionId ? converted.get(item.opinionId) : undefined) ?? (derived ? converted.get(derived) : undefined);
    return kept ?? { text: item.text, toOpinion: item.toOpinion, category: item.category ?? 'other', opinionId: null, trackingNo: null };
  });
  const listed = new Set(items.map((item) => item.opinionId));
  for (const [opinionId, item] of converted) if (!listed.has(opinionId)) items.push(item);
  return items;
}

/**
 * After a visit, the deputy or staff note what was raised. Each item marked `toOpinion` becomes an
 * opinion in the visitor's name (their OPENID from the booking), addressed to the deputy who
 * received them (the station when several did, or none), numbered like any other, and shown to
 * the resident as 接待时记录. A walk-in has no account, so their items cannot become opinions:
 * BOOKING.WALK_IN_NO_OPINION. Writing again replaces the record but never converts an item twice.
 * Three requests without new opinions (account and visit with its record concurrently, then the
 * record); with k new ones, 2 more for the numbers, k inserts, and 1 for a single deputy's name.
 * A first record, or one naming other deputies, marks and settles the day's visit counters
 * (接待人次, core/visitCounters.ts).
 */
export const recordReception: Handler<'booking.recordReception'> = async (payload, ctx) => {
  const { db, now } = ctx;
  const { caller, recorder, booking, day, record: previous } = await loadVisit(ctx, payload.bookingId);
  if (booking.status !== 'checkedIn') fail('BOOKING.NOT_CHECKED_IN');
  if (!payload.deputyIds.every((id) => day.deputyIds.includes(id))) fail('BOOKING.DEPUTY_NOT_AT_STATION');

  const visitor = booking.openid;
  const deputyIds = [...new Set(payload.deputyIds)];
  const derivedId = (text: string) => (visitor ? opinionIdFor(visitor, opinionRequestId(booking._id, text)) : null);
  const items = mergeItems(previous?.items ?? [], payload.items, derivedId);
  const pending = items.filter((item) => item.toOpinion && !item.opinionId);
  if (pending.length > 0) {
    if (!visitor) fail('BOOKING.WALK_IN_NO_OPINION');
    const target = await targetOf(db, day, deputyIds);
    const drafts = new Map<string, OpinionDraft>();
    for (const item of pending) {
      const clientRequestId = opinionRequestId(booking._id, item.text);
      const _id = opinionIdFor(visitor, clientRequestId);
      drafts.set(_id, {
        _id,
        authorOpenid: visitor,
        clientRequestId,
        target,
        category: item.category,
        text: item.text,
        photos: [],
        location: null,
        // No consent to be called was asked for at the visit: the phone stays with the booking.
        contact: { name: booking.name, mayContact: false },
        // Written by the deputy or staff, not by the resident: nothing for WeChat's check to screen.
        moderation: { suggest: 'pass' },
        received: { actorRole: recorder.role, actorId: recorder.id, ...(recorder.name ? { actorName: recorder.name } : {}), note: RECEPTION_SOURCE_NOTE, public: true },
        origin: { source: 'reception', reception: { bookingId: booking._id, recordId: recordIdFor(booking._id) } },
      });
    }
    const stored = new Map((await storeOpinions(ctx, [...drafts.values()])).map(({ opinion }) => [opinion._id, opinion.trackingNo]));
    for (const item of pending) {
      const opinionId = derivedId(item.text) as string;
      item.opinionId = opinionId;
      item.trackingNo = stored.get(opinionId) ?? null;
    }
  }

  const record: RecordDocument = {
    _id: recordIdFor(booking._id),
    bookingId: booking._id,
    dayId: booking.dayId,
    stationId: booking.stationId,
    areaPath: booking.areaPath,
    visitorOpenid: visitor,
    visitorName: booking.name,
    visitorPhone: booking.phone,
    deputyIds,
    items,
    note: payload.note ?? '',
    recordedBy: caller.openid,
    recordedAt: now,
  };
  const { _id, ...fields } = record;
  const counted = !previous || !sameDeputies(previous.deputyIds, deputyIds);
  if (counted) await markDayVisited(db, day._id);
  await db.collection(COLLECTIONS.receptionRecords).doc(_id).set(fields);
  if (counted) await settleDay(db, day._id);
  return { record: recordView(record) };
};
