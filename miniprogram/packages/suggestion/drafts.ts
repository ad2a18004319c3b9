/**
 * What a deputy has typed into a suggestion, kept on the phone on every change — for a new one
 * under `new`, for a saved one under its id — so nothing is lost to a closed page or a weak network
 * before it is saved on the server. The draft's `clientRequestId` goes with every save: a retried
 * first save lands on the same suggestion. Cleared once it is submitted.
 */
import { OPINION_CATEGORIES, type OpinionCategory } from '../../shared/domain/opinion';
import { readStorage, removeStorage, writeStorage } from '../../services/wx';
import { randomId } from '../../utils/random';

export interface SuggestionDraft {
  clientRequestId: string;
  suggestionId: string;
  sessionId: string;
  title: string;
  cause: string;
  content: string;
  category: OpinionCategory | '';
  trackingNos: string[];
  coSigners: Array<{ deputyId: string; name: string }>;
}

export function suggestionDraftKey(suggestionId: string): string {
  return `suggestion.draft.${suggestionId || 'new'}`;
}

export function newSuggestionDraft(): SuggestionDraft {
  return { clientRequestId: randomId(), suggestionId: '', sessionId: '', title: '', cause: '', content: '', category: '', trackingNos: [], coSigners: [] };
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The draft kept for this suggestion (or for a new one), or null; of a damaged record, whatever can still be read. */
export function loadSuggestionDraft(suggestionId: string): SuggestionDraft | null {
  const stored = readStorage(suggestionDraftKey(suggestionId));
  if (typeof stored !== 'object' || stored === null) return null;
  const record = stored as Partial<Record<keyof SuggestionDraft, unknown>>;
  const id = text(record.clientRequestId);
  return {
    clientRequestId: /^[A-Za-z0-9_-]{8,64}$/.test(id) ? id : randomId(),
    suggestionId: text(record.suggestionId),
    sessionId: text(record.sessionId),
    title: text(record.title),
    cause: text(record.cause),
    content: text(record.content),
    category: OPINION_CATEGORIES.includes(record.category as OpinionCategory) ? (record.category as OpinionCategory) : '',
    trackingNos: Array.isArray(record.trackingNos) ? record.trackingNos.filter((no): no is string => typeof no === 'string') : [],
    coSigners: Array.isArray(record.coSigners)
      ? record.coSigners.filter((c): c is { deputyId: string; name: string } => typeof c === 'object' && c !== null && typeof c.deputyId === 'string' && typeof c.name === 'string')
      : [],
  };
}

export function saveSuggestionDraft(draft: SuggestionDraft): void {
  writeStorage(suggestionDraftKey(draft.suggestionId), draft);
}

/** Saved on the server for the first time: the phone keeps it under its id from now on. */
export function moveSuggestionDraft(draft: SuggestionDraft): void {
  removeStorage(suggestionDraftKey(''));
  writeStorage(suggestionDraftKey(draft.suggestionId), draft);
}

export function clearSuggestionDraft(suggestionId: string): void {
  removeStorage(suggestionDraftKey(suggestionId));
}
