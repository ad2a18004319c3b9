import { retryDocumentId } from '../../infra/documents/requestIds';
import { COLLECTIONS } from '../../infra/database';
import type { Deputy } from '../../miniprogram/shared/domain/directory';
import { openCase, type CaseEnv } from '../../miniprogram/shared/domain/casework';
import type { OpinionEvent } from '../../miniprogram/shared/domain/opinion';
import { shanghaiDate } from '../../miniprogram/shared/domain/time';
import { formatTrackingNumber } from '../../miniprogram/shared/domain/trackingNumber';
import { settleCase } from './caseCounters';
import { caseEnv } from './caseDeadlines';
import { isDuplicateWrite } from './databaseErrors';
import type { CallContext } from './handler';
import type { OpinionDocument } from '../../infra/documents/opinions';
import { dailyCounterId, nextSequence } from './trackingSequence';

/** The station that handles an opinion, as its tracking number and the staff scopes need it. */
export interface HandlingStation {
  _id: string;
  code: string;
  name: string;
  areaPath: string[];
}

/** Whom an opinion is for: a deputy by name (handled at `station`), or the station itself. */
export interface OpinionTarget {
  deputy: Pick<Deputy, '_id' | 'name'> | null;
  station: HandlingStation;
}

/**
 * Everything of a new opinion but what storing gives it: its tracking number, status, timeline
 * and case clock. `received` is its first timeline event (who left it, and how).
 */
export interface OpinionDraft extends Pick<OpinionDocument, '_id' | 'authorOpenid' | 'clientRequestId' | 'category' | 'text' | 'photos' | 'location' | 'contact' | 'moderation'> {
  target: OpinionTarget;
  received: Omit<OpinionEvent, 'type' | 'at'>;
  /** Set for opinions that did not come from the online form (absent: `opinion.submit`). */
  origin?: Pick<OpinionDocument, 'source' | 'reception'>;
}

/** The same author sending the same request again lands on the same document id. */
export function opinionIdFor(openid: string, clientRequestId: string): string {
  return retryDocumentId(openid, clientRequestId);
}

/** What storing needs of the call: the database, the time, and the holiday calendar for the accept deadline. */
export type StoringContext = Pick<CallContext, 'db' | 'now' | 'calendar'>;

/**
 * Stores new opinions for one station, each whole and once: the station's numbers of the day are
 * taken together (with the holiday calendar), then every opinion is inserted (concurrently). An id that is already stored (a
 * retry, or a racing copy) answers the opinion stored first, with `created: false`; its number is
 * left unused. Three requests for the numbers and the calendar, and per opinion one, plus three for
 * the statistics counters (core/caseCounters.ts).
 */
export async function storeOpinions(ctx: StoringContext, drafts: readonly OpinionDraft[]): Promise<Array<{ opinion: OpinionDocument; created: boolean }>> {
  const { db, now } = ctx;
  const first = drafts[0];
  if (!first) return [];
  const station = first.target.station;
  if (drafts.some((draft) => draft.target.station.code !== station.code)) throw new Error('storeOpinions: one station at a time');
  const date = shanghaiDate(now);
  const [firstSequence, env] = await Promise.all([nextSequence(db, dailyCounterId(station.code, date), now, drafts.length), caseEnv(ctx)]);
  const opinions = db.collection(COLLECTIONS.opinions);
  return Promise.all(
    drafts.map(async (draft, i) => {
      const opinion = newOpinionDocument(draft, formatTrackingNumber({ stationCode: station.code, date, sequence: firstSequence + i }), now, env);
      try {
        await opinions.add(opinion);
        await settleCase(db, opinion._id, now, opinion);
        return { opinion, created: true };
      } catch (error) {
        if (!isDuplicateWrite(error)) throw error;
        const { data } = await opinions.where({ _id: draft._id }).limit(1).get();
        const stored = (data as OpinionDocument[])[0];
        if (!stored) throw error;
        return { opinion: stored, created: false };
      }
    }),
  );
}

/** One opinion, as `storeOpinions` stores it: four requests (the holiday calendar is one, read alongside the numbers). */
export async function storeOpinion(ctx: StoringContext, draft: OpinionDraft): Promise<{ opinion: OpinionDocument; created: boolean }> {
  const [stored] = await storeOpinions(ctx, [draft]);
  if (!stored) throw new Error('storeOpinion: nothing stored');
  return stored;
}

/**
 * A new opinion as it is first stored: received, its accept clock started (受理时限). The demo
 * seeds build theirs with it too, then play their history on top.
 */
export function newOpinionDocument(draft: OpinionDraft, trackingNo: string, now: Date, env: Omit<CaseEnv, 'now'>): OpinionDocument {
  const { target, received, origin, ...fields } = draft;
  return {
    _id: fields._id,
    trackingNo,
    authorOpenid: fields.authorOpenid,
    clientRequestId: fields.clientRequestId,
    deputyId: target.deputy?._id ?? null,
    deputyName: target.deputy?.name ?? null,
    stationId: target.station._id,
    stationCode: target.station.code,
    stationName: target.station.name,
    areaPath: target.station.areaPath,
    category: fields.category,
    text: fields.text,
    photos: fields.photos,
    location: fields.location,
    contact: fields.contact,
    status: 'received',
    statusChangedAt: now,
    ...openCase(now, env),
    timeline: [{ type: 'received', at: now, ...received }],
    moderation: fields.moderation,
    ...origin,
    createdAt: now,
    updatedAt: now,
    counted: null,
    countedVersion: 0,
    countsStale: true,
    countedOverdueAt: null,
  };
}
