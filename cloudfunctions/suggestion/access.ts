import { COLLECTIONS } from '../../infra/database';
import type { SuggestionDocument } from '../../infra/documents/suggestions';
import { EDITABLE, type SuggestionActor, type SuggestionRefusalReason } from './machine';
import type { ErrorCode } from '../../miniprogram/shared/errors';
import { congressCaller, loadCaller, requireOpenid, scopeCovers, type CongressCaller } from '../core/caller';
import { fail } from '../core/errors';
import type { CallContext } from '../core/handler';

/**
 * Who works on suggestions, and what each may see:
 * - deputies: the suggestions they lead, and those they are invited to co-sign (declined ones only
 *   while it is being drafted);
 * - congress staff of a congress's area (area staff, administrators) — not station staff, who
 *   work a station's visitors and opinions — everything submitted to the congresses in their area;
 * - a unit's handlers: the suggestions ever assigned to their unit.
 * Anyone else is AUTH.FORBIDDEN; a suggestion the caller may not see is SUGGESTION.NOT_FOUND,
 * exactly like a missing one.
 */
export type CallerKind = 'deputy' | 'staff' | 'handler';
export type Viewer = 'lead' | 'coSigner' | 'staff' | 'handler';

export type SuggestionCaller = CongressCaller;
export const suggestionCaller = congressCaller;

/** The caller as one of the kinds an action serves, or AUTH.FORBIDDEN. */
export function requireKind(caller: SuggestionCaller, kinds: readonly CallerKind[]): void {
  const is = { deputy: !!caller.deputy, staff: !!caller.staff, handler: !!caller.handler };
  if (!kinds.some((kind) => is[kind])) fail('AUTH.FORBIDDEN');
}

/** The caller (one database request), as one of `kinds`. */
export async function loadSuggestionCaller(ctx: CallContext, kinds: readonly CallerKind[]): Promise<SuggestionCaller> {
  const caller = suggestionCaller(await loadCaller(ctx));
  requireKind(caller, kinds);
  return caller;
}

/** How the caller sees a suggestion, through the kinds the action serves; null when they may not. */
export function viewerOf(caller: SuggestionCaller, doc: SuggestionDocument, kinds: readonly CallerKind[]): Viewer | null {
  if (kinds.includes('deputy') && caller.deputy) {
    const deputyId = caller.deputy.deputyId;
    if (doc.leadDeputyId === deputyId) return 'lead';
    const invitation = doc.coSigners.find((c) => c.deputyId === deputyId);
    if (invitation && (invitation.state !== 'declined' || EDITABLE.includes(doc.status))) return 'coSigner';
  }
  if (kinds.includes('staff') && caller.staff && doc.status !== 'draft' && scopeCovers(caller.staff, { areaPath: doc.areaPath })) return 'staff';
  if (kinds.includes('handler') && caller.handler && doc.unitIds.includes(caller.handler.departmentId)) return 'handler';
  return null;
}

/** How the caller appears on the timeline. */
export function actorOf(caller: SuggestionCaller, viewer: Viewer): SuggestionActor {
  if (viewer === 'lead' || viewer === 'coSigner') return { role: 'deputy', id: caller.deputy?.deputyId ?? '', name: caller.deputy?.name ?? '' };
  if (viewer === 'handler') return { role: 'handler', id: caller.openid, name: caller.handler?.departmentName ?? '' };
  return { role: 'staff', id: caller.openid };
}

export async function findSuggestion(ctx: CallContext, suggestionId: string): Promise<SuggestionDocument | undefined> {
  const { data } = await ctx.db.collection(COLLECTIONS.suggestions).where({ _id: suggestionId }).limit(1).get();
  return (data as SuggestionDocument[])[0];
}

export interface Loaded {
  caller: SuggestionCaller;
  doc: SuggestionDocument;
  viewer: Viewer;
}

/**
 * The caller and the suggestion, read together (two database requests); the caller must be of
 * `kinds` (AUTH.FORBIDDEN) and may see it as one of `viewers` (SUGGESTION.NOT_FOUND otherwise,
 * like a missing one).
 */
export async function loadSuggestion(ctx: CallContext, suggestionId: string, kinds: readonly CallerKind[], viewers?: readonly Viewer[]): Promise<Loaded> {
  requireOpenid(ctx);
  const [raw, doc] = await Promise.all([loadCaller(ctx), findSuggestion(ctx, suggestionId)]);
  const caller = suggestionCaller(raw);
  requireKind(caller, kinds);
  const viewer = doc ? viewerOf(caller, doc, kinds) : null;
  if (!doc || !viewer || (viewers && !viewers.includes(viewer))) fail('SUGGESTION.NOT_FOUND');
  return { caller, doc, viewer };
}

const REFUSAL_CODES: Record<SuggestionRefusalReason, ErrorCode> = {
  illegalTransition: 'SUGGESTION.ILLEGAL_TRANSITION',
  notYours: 'SUGGESTION.NOT_FOUND',
  coSignersPending: 'SUGGESTION.COSIGNERS_PENDING',
  invitationClosed: 'SUGGESTION.INVITATION_CLOSED',
  notInvited: 'SUGGESTION.NOT_FOUND',
  alreadySent: 'SUGGESTION.VIEW_ALREADY_SENT',
  viewsPending: 'SUGGESTION.VIEWS_PENDING',
  referWindowClosed: 'SUGGESTION.REFER_WINDOW_CLOSED',
  extensionPending: 'SUGGESTION.EXTENSION_PENDING',
  extensionLimit: 'SUGGESTION.EXTENSION_LIMIT',
  // Nothing waits for that decision any more (someone decided first): the state moved on.
  noExtensionPending: 'SUGGESTION.ILLEGAL_TRANSITION',
  noReferral: 'SUGGESTION.ILLEGAL_TRANSITION',
  departmentUnavailable: 'SUGGESTION.DEPARTMENT_UNAVAILABLE',
  notFollowUp: 'SUGGESTION.NOT_FOLLOW_UP',
  leadIsCoSigner: 'SUGGESTION.LEAD_IS_COSIGNER',
};

export function refusalCode(reason: SuggestionRefusalReason): ErrorCode {
  return REFUSAL_CODES[reason];
}
