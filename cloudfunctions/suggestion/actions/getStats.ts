import type { Handler } from '../../core/handler';
import { loadSuggestionCaller } from '../access';
import { countSuggestions, statsTarget } from '../figures';

/**
 * The figures congresses publish for a session — received, registered, answered, answered on time,
 * the A/B/C shares, the deputies' satisfaction, re-handled — optionally for one delegation or one
 * unit, with the table per unit and per delegation. Counted by aggregation in the database. About
 * seven database requests, most of them together.
 */
export const getStats: Handler<'suggestion.stats'> = async (request, ctx) => {
  const caller = await loadSuggestionCaller(ctx, ['staff']);
  const [target, calendar] = await Promise.all([statsTarget(ctx, caller, request), ctx.calendar()]);
  const figures = await countSuggestions(ctx.db, target, ctx.now);
  const year = ctx.now.getUTCFullYear();
  return {
    session: target.session,
    area: target.area,
    unit: target.unit,
    ...figures,
    generatedAt: ctx.now.toISOString(),
    // Deadlines reach up to six months ahead: a year whose holidays nobody recorded may move them.
    holidaysUnknownYears: calendar.unknownYears(`${year}-01-01`, `${year + 1}-12-31`),
  };
};
