import { COLLECTIONS } from '../../../infra/database';
import type { SessionDocument } from '../../../infra/documents/suggestions';
import type { SessionView } from '../../../miniprogram/shared/contract/suggestion';
import { shanghaiDate } from '../../../miniprogram/shared/domain/time';
import type { CallContext, Handler } from '../../core/handler';
import { loadSuggestionCaller } from '../access';
import { belongsTo, deputiesWithStations, sessionView } from '../congress';

const MOST = 100;

/**
 * Every session of a congress in the staff member's area: their own congress's first (the figures
 * page opens on the first), then those of the congresses below, latest first. One database request.
 */
export async function managedSessions({ db, now }: CallContext, areaId: string): Promise<SessionView[]> {
  const { data } = await db.collection(COLLECTIONS.suggestionSessions).where({ areaPath: areaId }).orderBy('acceptsFrom', 'desc').limit(MOST).get();
  const own = (s: SessionDocument) => (s.areaId === areaId ? 0 : 1);
  return (data as SessionDocument[]).sort((a, b) => own(a) - own(b)).map((s) => sessionView(s, now));
}

/**
 * `submit`: a deputy's choice of session for a new suggestion — the sessions accepting suggestions
 * today of the congresses they belong to. `manage`: staff's sessions — every session of a congress in
 * their area, their own congress's first, latest first. Two database requests (three for a deputy).
 */
export const listSessions: Handler<'suggestion.listSessions'> = async ({ purpose }, ctx) => {
  const { db, now } = ctx;
  const caller = await loadSuggestionCaller(ctx, [purpose === 'submit' ? 'deputy' : 'staff']);
  const sessions = db.collection(COLLECTIONS.suggestionSessions);
  if (purpose === 'manage' && caller.staff) return { sessions: await managedSessions(ctx, caller.staff.areaId) };
  const today = shanghaiDate(now);
  const _ = db.command;
  const [{ data }, [deputy]] = await Promise.all([
    sessions
      .where({ active: true, acceptsFrom: _.lte(today), acceptsUntil: _.gte(today) })
      .orderBy('acceptsFrom', 'desc')
      .limit(MOST)
      .get(),
    deputiesWithStations(db, [caller.deputy?.deputyId ?? '']),
  ]);
  return { sessions: (data as SessionDocument[]).filter((s) => belongsTo(deputy, s)).map((s) => sessionView(s, now)) };
};
