import { COLLECTIONS } from '../../../infra/database';
import type { OpinionDocument } from '../../../infra/documents/opinions';
import { newSuggestionDocument, suggestionIdFor, type SuggestionDocument } from '../../../infra/documents/suggestions';
import { contentHold } from '../../../miniprogram/shared/domain/moderation';
import { isSuggestionRefusal, planSaveDraft, type DraftFields } from '../machine';
import { isDuplicateWrite } from '../../core/databaseErrors';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { actorOf, findSuggestion, loadSuggestionCaller, refusalCode, type SuggestionCaller } from '../access';
import { belongsTo, deputiesWithStations, delegationIdOf, findArea, findSession, sessionView, type DeputyInCongress } from '../congress';
import { notifyInvited } from '../notifications';
import { suggestionEnv } from '../settings';
import { mutate } from '../store';
import { suggestionDetail } from '../views';

type Opinion = Pick<OpinionDocument, '_id' | 'trackingNo' | 'deputyId' | 'stationId' | 'moderation'>;

/** The residents' opinions named by tracking number: each one left for this deputy (by name, or at their station for no one in particular), and published. */
async function linkedOpinions(ctx: Parameters<Handler<'suggestion.saveDraft'>>[1], trackingNos: readonly string[]): Promise<Opinion[]> {
  if (trackingNos.length === 0) return [];
  const { data } = await ctx.db
    .collection(COLLECTIONS.opinions)
    .where({ trackingNo: ctx.db.command.in([...new Set(trackingNos)]) })
    .limit(trackingNos.length)
    .field({ _id: true, trackingNo: true, deputyId: true, stationId: true, moderation: true })
    .get();
  return data as Opinion[];
}

function addressedTo(opinion: Opinion, deputy: DeputyInCongress): boolean {
  const forThem = opinion.deputyId === deputy._id || (opinion.deputyId === null && deputy.stations.some((s) => s._id === opinion.stationId));
  return forThem && !contentHold(opinion.moderation);
}

function invitedBy(before: SuggestionDocument | null, after: SuggestionDocument): string[] {
  const asked = new Set((before?.coSigners ?? []).map((c) => c.deputyId));
  return after.coSigners.filter((c) => !asked.has(c.deputyId)).map((c) => c.deputyId);
}

/**
 * A deputy saves a suggestion they lead: a new draft (its id derives from the deputy and the
 * client request id the phone keeps with the draft, so a retried first save lands on the same one),
 * or their draft, or one staff returned to them. The session must accept suggestions now and be of
 * a congress they belong to; the opinions are those residents left for them, by tracking number
 * (their names stay private); co-signers are deputies of the same congress, invited on the spot
 * (a message asks them). Six to eight database requests, and one per invited deputy's account lookup.
 */
export const saveDraft: Handler<'suggestion.saveDraft'> = async (payload, ctx) => {
  const { db, now } = ctx;
  const caller: SuggestionCaller = await loadSuggestionCaller(ctx, ['deputy']);
  const lead = caller.deputy ?? fail('AUTH.FORBIDDEN');
  const id = payload.suggestionId ?? suggestionIdFor(lead.deputyId, payload.clientRequestId);
  const [existing, session, deputies, opinions, env] = await Promise.all([
    findSuggestion(ctx, id),
    findSession(db, payload.sessionId),
    deputiesWithStations(db, [lead.deputyId, ...payload.coSignerIds]),
    linkedOpinions(ctx, payload.opinionTrackingNos),
    suggestionEnv(ctx),
  ]);
  if (existing && existing.leadDeputyId !== lead.deputyId) fail('SUGGESTION.NOT_FOUND');
  if (payload.suggestionId && !existing) fail('SUGGESTION.NOT_FOUND');
  if (!session) fail('SUGGESTION.SESSION_NOT_FOUND');
  const me = deputies.find((d) => d._id === lead.deputyId);
  // A returned suggestion was submitted in time: revising it is not a new submission to a closed session.
  const revising = existing?.status === 'returned';
  // A suggestion stays in the session it was started in (its congress handles it).
  if (existing && existing.sessionId !== session._id) fail('SUGGESTION.ILLEGAL_TRANSITION');
  if (!belongsTo(me, session) || (!revising && !sessionView(session, now).open)) fail('SUGGESTION.SESSION_CLOSED');

  const coSigners = payload.coSignerIds.map((deputyId) => deputies.find((d) => d._id === deputyId));
  if (payload.coSignerIds.includes(lead.deputyId)) fail('SUGGESTION.LEAD_IS_COSIGNER');
  if (!coSigners.every((d): d is DeputyInCongress => belongsTo(d, session))) fail('SUGGESTION.COSIGNER_UNAVAILABLE');
  const linked = payload.opinionTrackingNos.map((no) => opinions.find((o) => o.trackingNo === no));
  if (!linked.every((o): o is Opinion => !!o && addressedTo(o, me))) fail('SUGGESTION.OPINION_UNAVAILABLE');

  const fields: DraftFields = {
    title: payload.title,
    cause: payload.cause,
    content: payload.content,
    category: payload.category,
    opinions: linked.map((o) => ({ opinionId: o._id, trackingNo: o.trackingNo })),
    coSigners: coSigners.map((d) => ({ deputyId: d._id, name: d.name })),
  };
  const actor = actorOf(caller, 'lead');

  if (!existing) {
    const delegationId = delegationIdOf(me, session);
    const delegation = await findArea(db, delegationId);
    const fresh = newSuggestionDocument(
      id,
      payload.clientRequestId,
      { session, delegation: { _id: delegationId, name: delegation?.name ?? session.areaName }, deputy: { _id: me._id, name: me.name } },
      now,
    );
    const planned = planSaveDraft(null, fields, env, actor);
    if (isSuggestionRefusal(planned)) fail(refusalCode(planned.refused));
    const doc: SuggestionDocument = { ...fresh, ...planned.set, timeline: planned.events };
    try {
      await db.collection(COLLECTIONS.suggestions).add(doc);
      await notifyInvited(db, doc, invitedBy(null, doc), now);
      return { suggestion: suggestionDetail(doc, 'lead', caller, env) };
    } catch (error) {
      // A retry (or a racing copy) of this first save stored it first: save onto that one.
      if (!isDuplicateWrite(error)) throw error;
    }
  }
  const stored = existing ?? (await findSuggestion(ctx, id)) ?? fail('SUGGESTION.NOT_FOUND');
  const { doc } = await mutate(ctx, stored, (current) => planSaveDraft(current, fields, env, actor));
  await notifyInvited(db, doc, invitedBy(stored, doc), now);
  return { suggestion: suggestionDetail(doc, 'lead', caller, env) };
};
