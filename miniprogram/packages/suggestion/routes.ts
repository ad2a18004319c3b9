/** The suggestion subpackage's own page URLs: they ship with it, not with the main package. */
import { SUBPACKAGE_PAGES, withQuery } from '../../routes';

export function deputySuggestionUrl(suggestionId: string): string {
  return withQuery(SUBPACKAGE_PAGES.deputySuggestion, { suggestionId });
}

/** The draft form: a new suggestion, or changing one the deputy leads. */
export function deputySuggestionEditUrl(suggestionId?: string): string {
  return withQuery(SUBPACKAGE_PAGES.deputySuggestionEdit, suggestionId ? { suggestionId } : {});
}

/** One suggestion for staff and units alike (the messages to them open it too). */
export function staffSuggestionUrl(suggestionId: string): string {
  return withQuery(SUBPACKAGE_PAGES.staffSuggestion, { suggestionId });
}

export const STAFF_SUGGESTION_STATS_URL = `/${SUBPACKAGE_PAGES.staffSuggestionStats}`;
export const STAFF_SUGGESTION_SESSIONS_URL = `/${SUBPACKAGE_PAGES.staffSuggestionSessions}`;

/** The suggestions behind one figure of a session (of a delegation, of a unit). */
export function suggestionDrillUrl(query: { sessionId: string; figure: string; areaId?: string; departmentId?: string }): string {
  const fields: Record<string, string> = { sessionId: query.sessionId, figure: query.figure };
  if (query.areaId) fields.areaId = query.areaId;
  if (query.departmentId) fields.departmentId = query.departmentId;
  return withQuery(SUBPACKAGE_PAGES.staffSuggestionDrill, fields);
}
