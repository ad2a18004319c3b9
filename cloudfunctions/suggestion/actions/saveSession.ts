import { COLLECTIONS } from '../../../infra/database';
import { CONGRESS_LEVEL, sessionIdFor, type SessionDocument } from '../../../infra/documents/suggestions';
import { scopeCovers } from '../../core/caller';
import { isDuplicateWrite } from '../../core/databaseErrors';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { loadSuggestionCaller } from '../access';
import { findArea, findSession, sessionView } from '../congress';

const AREA_OF_CONGRESS = '只能为市、区（县）、乡镇人大设立会议';

/**
 * Staff (area staff, administrators) set up a session of a congress in their area — a city's,
 * a district's or a township's — with the dates it accepts suggestions, or change one. A retried
 * create answers the session it made. Three or four database requests.
 */
export const saveSession: Handler<'suggestion.saveSession'> = async ({ sessionId, clientRequestId, areaId, name, acceptsFrom, acceptsUntil, active }, ctx) => {
  const { db, now } = ctx;
  const caller = await loadSuggestionCaller(ctx, ['staff']);
  const staff = caller.staff;
  if (!staff) fail('AUTH.FORBIDDEN');
  const [area, existing] = await Promise.all([findArea(db, areaId), sessionId ? findSession(db, sessionId) : Promise.resolve(undefined)]);
  if (!area) fail('ADMIN.AREA_NOT_FOUND');
  if (!CONGRESS_LEVEL[area.kind]) fail('COMMON.INVALID_INPUT', { areaId: AREA_OF_CONGRESS });
  if (!scopeCovers(staff, { areaPath: area.path })) fail('ADMIN.OUT_OF_SCOPE');
  const fields = { name, acceptsFrom, acceptsUntil, active, updatedAt: now, updatedBy: caller.openid };
  const sessions = db.collection(COLLECTIONS.suggestionSessions);

  if (sessionId) {
    if (!existing || !scopeCovers(staff, { areaPath: existing.areaPath })) fail('SUGGESTION.SESSION_NOT_FOUND');
    // A session stays its congress's: its suggestions are filed under that area.
    if (existing.areaId !== area._id) fail('COMMON.INVALID_INPUT', { areaId: '会议设立后不能更换所属的人大' });
    await sessions.where({ _id: sessionId }).update(fields);
    return { session: sessionView({ ...existing, ...fields }, now) };
  }

  const session: SessionDocument = {
    _id: sessionIdFor(caller.openid, clientRequestId ?? ''),
    areaId: area._id,
    areaPath: area.path,
    areaName: area.name,
    areaKind: area.kind,
    ...fields,
    createdAt: now,
  };
  try {
    await sessions.add(session);
  } catch (error) {
    if (!isDuplicateWrite(error)) throw error;
    const first = await findSession(db, session._id);
    if (!first) throw error;
    return { session: sessionView(first, now) };
  }
  return { session: sessionView(session, now) };
};
