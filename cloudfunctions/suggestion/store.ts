import { COLLECTIONS } from '../../infra/database';
import { withChange, type SuggestionDocument } from '../../infra/documents/suggestions';
import { isSuggestionRefusal, type SuggestionChange, type SuggestionPlan } from './machine';
import type { Database } from '../core/cloud';
import { fail } from '../core/errors';
import type { CallContext } from '../core/handler';
import { findSuggestion, refusalCode } from './access';

/** Two people acting on one suggestion at the same moment: the one that lost reads again and plans once more. */
const MAX_ATTEMPTS = 3;

function isWholeValue(value: unknown): boolean {
  return Array.isArray(value) || (typeof value === 'object' && value !== null && !(value instanceof Date));
}

/**
 * Writes a planned change if the suggestion is still the version it was planned on: fields set
 * whole (the SDK would otherwise flatten objects into dotted paths), events appended, the version
 * raised. Answers whether it was written. One database request.
 */
async function writeChange(db: Database, doc: SuggestionDocument, change: SuggestionChange, now: Date): Promise<boolean> {
  const _ = db.command;
  const update: Record<string, unknown> = { updatedAt: now, version: _.inc(1) };
  for (const [field, value] of Object.entries(change.set)) update[field] = isWholeValue(value) ? _.set(value) : value;
  if (change.events.length > 0) update.timeline = _.push(change.events);
  const { updated } = await db.collection(COLLECTIONS.suggestions).where({ _id: doc._id, version: doc.version }).update(update);
  return updated === 1;
}

/**
 * What residents whose opinions fed the suggestion are told: one public event appended to each
 * opinion's timeline, in one request. Written after the suggestion's own change.
 */
async function tellResidents(db: Database, change: SuggestionChange, now: Date): Promise<void> {
  const told = change.tellResidents;
  if (!told || told.opinionIds.length === 0) return;
  const _ = db.command;
  await db
    .collection(COLLECTIONS.opinions)
    .where({ _id: _.in(told.opinionIds) })
    .update({ timeline: _.push([told.event]), updatedAt: now });
}

function nothingToWrite(change: SuggestionChange): boolean {
  return Object.keys(change.set).length === 0 && change.events.length === 0;
}

export interface Applied {
  doc: SuggestionDocument;
  change: SuggestionChange | null;
}

/**
 * Plans and writes a change: a refusal becomes its error code; a write that finds the suggestion
 * changed meanwhile reads it again and plans again (the plan may then refuse, e.g. someone else
 * already did it); a plan with nothing to change writes nothing (a retry). One request to write,
 * one more when residents are told, two more per lost race.
 */
export async function mutate(ctx: CallContext, first: SuggestionDocument, plan: (doc: SuggestionDocument) => SuggestionPlan): Promise<Applied> {
  let doc = first;
  for (let attempt = 1; ; attempt += 1) {
    const planned = plan(doc);
    if (isSuggestionRefusal(planned)) fail(refusalCode(planned.refused));
    if (nothingToWrite(planned)) return { doc, change: null };
    if (await writeChange(ctx.db, doc, planned, ctx.now)) {
      await tellResidents(ctx.db, planned, ctx.now);
      return { doc: withChange(doc, planned.set, planned.events, ctx.now), change: planned };
    }
    if (attempt >= MAX_ATTEMPTS) fail('SUGGESTION.ILLEGAL_TRANSITION');
    const again = await findSuggestion(ctx, doc._id);
    if (!again) fail('SUGGESTION.NOT_FOUND');
    doc = again;
  }
}
