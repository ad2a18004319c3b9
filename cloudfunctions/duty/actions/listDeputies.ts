import type { Handler } from '../../core/handler';
import { loadDutyCaller } from '../access';
import { pageDeputiesInScope, readPublishedYears, readWaiting } from '../deputyPage';

/** Deputies a page shows: a station's all, an area's a screenful at a time. */
export const DEPUTIES_PER_PAGE = 50;

/**
 * Staff: the deputies of the stations their scope covers, a page at a time along a cursor, each
 * with the year's total and figures as the duty timer last published them (every deputy within a
 * day; `asOf` says when) and what waits for staff about them, counted live. Eight database
 * requests a page whatever the number of deputies in scope (the caller, the scope's stations, the
 * page of deputies, their stations, their published figures, three kinds of waiting work).
 */
export const listDeputies: Handler<'duty.listDeputies'> = async ({ year, cursor }, ctx) => {
  const { staff } = await loadDutyCaller(ctx, ['staff']);
  const { deputies, nextCursor } = await pageDeputiesInScope(ctx, staff!, cursor, DEPUTIES_PER_PAGE);
  const ids = deputies.map((deputy) => deputy.deputyId);
  const [published, waiting] = await Promise.all([readPublishedYears(ctx, ids, year), readWaiting(ctx, ids, year)]);
  return {
    deputies: deputies.map((deputy) => {
      const figures = published.get(deputy.deputyId);
      return {
        deputyId: deputy.deputyId,
        name: deputy.name,
        stationNames: deputy.stations.map((station) => station.name),
        total: figures?.total ?? null,
        figures: figures?.figures ?? null,
        asOf: figures?.asOf ?? null,
        ...waiting.get(deputy.deputyId)!,
      };
    }),
    nextCursor,
  };
};
