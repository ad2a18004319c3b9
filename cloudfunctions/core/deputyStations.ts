import { COLLECTIONS } from '../../infra/database';
import type { Database } from './cloud';

/**
 * A `$lookup` over deputies: each deputy's stations with `fields`, as `stations`; only those still
 * open when `openOnly`; in code order when `byCode`, else in the order the database finds them.
 */
export function deputyStationsLookup(db: Database, fields: Record<string, 0 | 1>, which: { openOnly?: boolean; byCode?: boolean } = {}) {
  const $ = db.command.aggregate;
  const theirs = $.in(['$_id', '$$stationIds']);
  const found = $.pipeline().match(db.command.expr(which.openOnly ? $.and([theirs, $.eq(['$active', true])]) : theirs));
  return {
    from: COLLECTIONS.stations,
    let: { stationIds: '$stationIds' },
    pipeline: (which.byCode ? found.sort({ code: 1 }) : found).project(fields).done(),
    as: 'stations',
  };
}
