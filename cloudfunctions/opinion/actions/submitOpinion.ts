import { COLLECTIONS } from '../../../infra/database';
import type { SubmitOpinionResult } from '../../../miniprogram/shared/contract/opinion';
import type { Deputy } from '../../../miniprogram/shared/domain/directory';
import { OPINION_RATE_LIMITS, OPINION_STATUS_LABELS } from '../../../miniprogram/shared/domain/opinion';
import { requireOpenid } from '../../core/caller';
import type { Database } from '../../core/cloud';
import { AppError, fail } from '../../core/errors';
import { rateLimitedMessage } from '../../../miniprogram/shared/rateLimits';
import type { Handler } from '../../core/handler';
import { checkText, CONTENT_SCENE, type TextVerdict } from '../../core/openapi';
import { moderationForNew, type PhotoCheck } from '../../../miniprogram/shared/domain/moderation';
import { iso, type OpinionDocument } from '../../../infra/documents/opinions';
import { attachedPhotoUrls, submitPhotoChecks } from '../screenPhotos';
import { opinionIdFor, storeOpinion, type HandlingStation, type OpinionTarget } from '../../core/storeOpinion';
import { deputyStationsLookup } from '../../core/deputyStations';

type SubmitPayload = Parameters<Handler<'opinion.submit'>>[0];

const STATION_FIELDS = { _id: 1, code: 1, name: 1, areaPath: 1 } as const;
const LONGEST_WINDOW_MS = Math.max(...OPINION_RATE_LIMITS.map((limit) => limit.windowMs));
const MOST_IN_LONGEST_WINDOW = Math.max(...OPINION_RATE_LIMITS.map((limit) => limit.max));

type Recent = Pick<OpinionDocument, '_id' | 'trackingNo' | 'status' | 'createdAt' | 'source'>;

/** The author's opinions inside the longest rate-limit window, newest first. */
async function recentOpinions(db: Database, openid: string, now: Date): Promise<Recent[]> {
  const { data } = await db
    .collection(COLLECTIONS.opinions)
    .where({ authorOpenid: openid, createdAt: db.command.gte(new Date(now.getTime() - LONGEST_WINDOW_MS)) })
    .orderBy('createdAt', 'desc')
    .limit(MOST_IN_LONGEST_WINDOW)
    .field({ _id: true, trackingNo: true, status: true, createdAt: true, source: true })
    .get();
  return data as Recent[];
}

/**
 * How long until the resident's stored opinions leave room for another in every rolling window,
 * or null when there is room now. Only what the resident sent counts: items a deputy recorded at
 * their visit are not theirs to ration.
 */
function rollingWait(recent: readonly Recent[], now: Date): number | null {
  const sent = recent.filter((o) => o.source !== 'reception');
  const waits = OPINION_RATE_LIMITS.map(({ windowMs, max }) => {
    const inWindow = sent.filter((o) => now.getTime() - new Date(o.createdAt).getTime() < windowMs);
    if (inWindow.length < max) return 0;
    // Newest first: the max-th newest must leave the window before another fits.
    return new Date(inWindow[max - 1]!.createdAt).getTime() + windowMs - now.getTime();
  });
  const wait = Math.max(...waits);
  return wait > 0 ? wait : null;
}

/** The active deputy or station the opinion is for, and the station that handles it; null if none. */
async function findTarget(db: Database, target: SubmitPayload['target']): Promise<OpinionTarget | null> {
  if ('stationId' in target) {
    const { data } = await db.collection(COLLECTIONS.stations).where({ _id: target.stationId, active: true }).limit(1).field(STATION_FIELDS).get();
    const station = (data as HandlingStation[])[0];
    return station ? { deputy: null, station } : null;
  }
  const { data } = await db
    .collection(COLLECTIONS.deputies)
    .aggregate()
    .match({ _id: target.deputyId, active: true })
    .lookup(deputyStationsLookup(db, STATION_FIELDS, { openOnly: true }))
    .project({ _id: 1, name: 1, stationIds: 1, stations: 1 })
    .end();
  const row = (data as Array<Pick<Deputy, '_id' | 'name' | 'stationIds'> & { stations: HandlingStation[] }>)[0];
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
  const wait = rollingWait(recent, now);
  if (wait !== null) throw new AppError('OPINION.RATE_LIMITED', undefined, rateLimitedMessage('opinion', wait));
  // The stored opinions cannot see concurrent sends; the atomic counter admits exactly the limit.
  await ctx.takeTurn('opinion');
  if (!target) fail('OPINION.TARGET_UNAVAILABLE');
  const photoUrls = await attachedPhotoUrls(payload.photos);
  if (!photoUrls) fail('OPINION.PHOTO_MISSING');
  const verdict = await screen(payload.text, openid);
  if (verdict.suggest === 'risky') fail('OPINION.CONTENT_REJECTED');
  const photoChecks = await submitPhotoChecks(photoUrls, openid);

  const { opinion } = await storeOpinion(ctx, {
    _id: opinionId,
    authorOpenid: openid,
    clientRequestId: payload.clientRequestId,
    target,
    category: payload.category,
    text: payload.text,
    photos: payload.photos,
    location: payload.location ?? null,
    contact: contactOf(payload.contact),
    moderation: moderationOf(verdict, photoChecks),
    received: { actorRole: 'resident', public: true },
  });
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

/** Text WeChat asked a human to look at is held for staff; photos wait for their asynchronous verdicts. */
function moderationOf(verdict: TextVerdict, photos: PhotoCheck[]): OpinionDocument['moderation'] {
  const text: Parameters<typeof moderationForNew>[0] = { suggest: verdict.suggest === 'review' ? 'review' : 'pass' };
  if (verdict.label !== undefined) text.label = verdict.label;
  if (verdict.traceId) text.traceId = verdict.traceId;
  return moderationForNew(text, photos);
}
