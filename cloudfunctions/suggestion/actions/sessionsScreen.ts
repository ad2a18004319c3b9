import { COLLECTIONS } from '../../../infra/database';
import type { Area } from '../../../miniprogram/shared/domain/directory';
import type { Handler } from '../../core/handler';
import { loadSuggestionCaller } from '../access';
import { managedSessions } from './listSessions';

/** The congresses a session belongs to: a city's, a district's, a township's. */
const CONGRESS_KINDS: readonly Area['kind'][] = ['city', 'district', 'township'];

/**
 * 会议管理 opens on one call: the sessions as listSessions `manage` answers them (staff of a
 * congress's area, administrators) and the congresses of the caller's area and below for the
 * picker. Three database requests: the caller, then the sessions and the areas side by side.
 */
export const sessionsScreen: Handler<'suggestion.sessionsScreen'> = async (_payload, ctx) => {
  const caller = await loadSuggestionCaller(ctx, ['staff']);
  const areaId = caller.staff?.areaId ?? '';
  const _ = ctx.db.command;
  const [sessions, { data }] = await Promise.all([
    managedSessions(ctx, areaId),
    ctx.db
      .collection(COLLECTIONS.areas)
      .where({ path: areaId, kind: _.in([...CONGRESS_KINDS]) })
      .limit(1000)
      .get(),
  ]);
  return { sessions, areas: data as Area[] };
};
