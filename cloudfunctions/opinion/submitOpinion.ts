import { createHash } from 'node:crypto';
import { COLLECTIONS } from '../../infra/database';
import type { SubmitOpinionResult } from '../../miniprogram/shared/contract/opinion';
import type { Deputy } from '../../miniprogram/shared/domain/directory';
import { openCase } from '../../miniprogram/shared/domain/casework';
import { OPINION_RATE_LIMITS, OPINION_STATUS_LABELS, type OpinionEvent } from '../../miniprogram/shared/domain/opinion';
import { shanghaiDate } from '../../miniprogram/shared/domain/time';
import { formatTrackingNumber } from '../../miniprogram/shared/domain/trackingNumber';
import { caseEnv } from '../core/caseDeadlines';
import { requireOpenid } from '../core/caller';
import type { Database } from '../core/cloud';
import { isDuplicateWrite } from '../core/databaseErrors';
import { fail } from '../core/errors';
import type { Handler } from '../core/handler';
import { checkText, CONTENT_SCENE, type TextVerdict } from '../core/openapi';
import { iso, type OpinionDocument } from './opinionDocument';
import { photosExist } from './photos';
import { dailyCounterId, nextSequence } from './trackingSequence';

type SubmitPayload = Parameters<Handler<'opinion.submit'>>[0];

interface StationRef {
  _id: string;
  code: string;
  name: string;
  areaPath: string[];
}

interface Target {
  deputy: Pick<Deputy, '_id' | 'name'> | null;
  station: StationRef;
}

const STATION_FIELDS = { _id: 1, code: 1, name: 1, areaPath: 1 } as const;
const LONGEST_WINDOW_MS = Math.max(...OPINION_RATE_LIMITS.map((limit) => limit.windowMs));
const MOST_IN_LONGEST_WINDOW = Math.max(...OPINION_RATE_LIMITS.map((limit) => limit.max));

/** The same resident sending the same request again lands on the same document id. */
export function opinionIdFor(openid: string, clientRequestId: string): string {
  return createHash('sha256').update(`${openid}\n${clientRequestId}`).digest('hex').slice(0, 32);
}

type Recent = Pick<OpinionDocument, '_id' | 'trackingNo' | 'status' | 'createdAt'>;

/** The author's opinions inside the longest rate-limit window, newest first. */
async function recentOpinions(db: Database, openid: string, now: Date): Promise<Recent[]> {
  const { data } = await db
    .collection(COLLECTIONS.opinions)
    .where({ authorOpenid: openid, createdAt: db.command.gte(new Date(now.getTime() - LONGEST_WINDOW_MS)) })
    .orderBy('createdAt', 'desc')
    .limit(MOST_IN_LONGEST_WINDOW)
    .field({ _id: true, trackingNo: true, status: true, createdAt: true })
    .get();
  return data as Recent[];
}

function overRateLimit(recent: readonly Recent[], now: Date): boolean {
  return OPINION_RATE_LIMITS.some(
    ({ windowMs, max }) => recent.filter((o) => now.getTime() - new Date(o.createdAt).getTime() < windowMs).length >= max,
  );
}

/** The active deputy or station the opinion is for, and the station that handles it; null if none. */
async function findTarget(db: Database, target: SubmitPayload['target']): Promise<Target | null> {
  if ('stationId' in target) {
    const { data } = await db.collection(COLLECTIONS.stations).where({ _id: target.stationId, active: true }).limit(1).field(STATION_FIELDS).get();
    const station = (data as StationRef[])[0];
    return station ? { deputy: null, station } : null;
  }
  const $ = db.command.aggregate;
  const _ = db.command;
  const { data } = await db
    .collection(COLLECTIONS.deputies)
    .aggregate()
    .match({ _id: target.deputyId, active: true })
    .lookup({
      from: COLLECTIONS.stations,
      let: { stationIds: '$stationIds' },
      pipeline: $.pipeline()
        .match(_.expr($.and([$.in(['$_id', '$$stationIds']), $.eq(['$active', true])])))
        .project(STATION_FIELDS)
        .done(),
      as: 'stations',
    })
    .project({ _id: 1, name: 1, stationIds: 1, stations: 1 })
    .end();
  const row = (data as Array<Pick<Deputy, '_id' | 'name' | 'stationIds'> & { stations: StationRef[] }>)[0];
  if (!row) return null;
  // The deputy's first station (in their own order) that is still open handles it.
  const station = row.stationIds.map((id) => row.stations.find((s) => s._id === id)).find((s) => s !== undefined);
  return station ? { deputy: { _id: row._id, name: row.name }, station } : null;
}

async function screen(text: string, openid: string): Promise<TextVerdict> {
  try {
    return await checkText({ content: text, openid, scene: CONTENT_SCENE.forum });
  } catch (error) {
    console.error('[opinion] content check failed', error);
    return fail('OPINION.CHECK_UNAVAILABLE');
  }
}

function submitted(opinion: Recent): SubmitOpinionResult {
  return {
    opinionId: opinion._id,
    trackingNo: opinion.trackingNo,
    status: opinion.status,
    statusLabel: OPINION_STATUS_LABELS[opinion.status],
    createdAt: iso(opinion.createdAt),
  };
}

/**
 * A resident leaves an opinion for a deputy or a station. Everything is checked before the first
 * write (identity, retry, rate limit, target, photos, WeChat content security); then the day's
 * sequence number is taken and the opinion is stored whole, once.
 *
 * Retries: the document id is derived from (caller, clientRequestId). A retry finds the first
 * opinion among the caller's recent ones and answers it; two racing copies collide on the id
 * and the loser answers the winner's opinion. Five database requests for a new opinion.
 */
export const submitOpinion: Handler<'opinion.submit'> = async (payload, ctx) => {
  const openid = requireOpenid(ctx);
  const { db, now } = ctx;
  const opinionId = opinionIdFor(openid, payload.clientRequestId);

  const [recent, target] = await Promise.all([recentOpinions(db, openid, now), findTarget(db, payload.target)]);
  const earlier = recent.find((o) => o._id === opinionId);
  if (earlier) return submitted(earlier);
  if (overRateLimit(recent, now)) fail('OPINION.RATE_LIMITED');
  if (!target) fail('OPINION.TARGET_UNAVAILABLE');
  if (!(await photosExist(payload.photos))) fail('OPINION.PHOTO_MISSING');
  const verdict = await screen(payload.text, openid);
  if (verdict.suggest === 'risky') fail('OPINION.CONTENT_REJECTED');

  const date = shanghaiDate(now);
  const sequence = await nextSequence(db, dailyCounterId(target.station.code, date), now);
  const received: OpinionEvent = { type: 'received', at: now, actorRole: 'resident', public: true };
  const opinion: OpinionDocument = {
    _id: opinionId,
    trackingNo: formatTrackingNumber({ stationCode: target.station.code, date, sequence }),
    authorOpenid: openid,
    clientRequestId: payload.clientRequestId,
    deputyId: target.deputy?._id ?? null,
    deputyName: target.deputy?.name ?? null,
    stationId: target.station._id,
    stationCode: target.station.code,
    stationName: target.station.name,
    areaPath: target.station.areaPath,
    category: payload.category,
    text: payload.text,
    photos: payload.photos,
    location: payload.location ?? null,
    contact: contactOf(payload.contact),
    status: 'received',
    statusChangedAt: now,
    // The accept clock starts (受理时限).
    ...openCase(now, caseEnv(now)),
    timeline: [received],
    moderation: moderationOf(verdict),
    createdAt: now,
    updatedAt: now,
  };
  try {
    await db.collection(COLLECTIONS.opinions).add(opinion);
  } catch (error) {
    if (!isDuplicateWrite(error)) throw error;
    const { data } = await db.collection(COLLECTIONS.opinions).where({ _id: opinionId }).limit(1).get();
    const first = (data as OpinionDocument[])[0];
    if (!first) throw error;
    return submitted(first);
  }
  return submitted(opinion);
};

/** Empty name or phone fields are left out rather than stored as "". */
function contactOf(contact: SubmitPayload['contact']): OpinionDocument['contact'] {
  if (!contact) return null;
  const kept: NonNullable<OpinionDocument['contact']> = { mayContact: contact.mayContact };
  if (contact.name) kept.name = contact.name;
  if (contact.phone) kept.phone = contact.phone;
  return kept;
}

function moderationOf(verdict: TextVerdict): OpinionDocument['moderation'] {
  const moderation: OpinionDocument['moderation'] = { suggest: verdict.suggest === 'review' ? 'review' : 'pass' };
  if (verdict.label !== undefined) moderation.label = verdict.label;
  if (verdict.traceId) moderation.traceId = verdict.traceId;
  return moderation;
}
