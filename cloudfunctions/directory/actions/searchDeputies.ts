import { COLLECTIONS } from '../../../infra/database';
import { DEPUTY_SEARCH_LIMIT, type DeputySearchHit } from '../../../miniprogram/shared/contract/directory';
import type { Handler } from '../../core/handler';
import { deputyStationsLookup } from '../../core/deputyStations';
import { DEPUTY_SUMMARY_FIELDS } from '../upcoming';

/** The keyword as literal text inside a regular expression. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Active deputies whose name contains the keyword, with the names of the stations they receive
 * at: one database request (the stations are joined by the database).
 */
export const searchDeputies: Handler<'directory.searchDeputies'> = async ({ keyword }, { db }) => {
  const { data } = await db
    .collection(COLLECTIONS.deputies)
    .aggregate()
    .match({ active: true, name: db.RegExp({ regexp: escapeRegExp(keyword), options: 'i' }) })
    .sort({ name: 1, _id: 1 })
    .limit(DEPUTY_SEARCH_LIMIT)
    .lookup(deputyStationsLookup(db, { _id: 1, name: 1 }, { openOnly: true, byCode: true }))
    .project({ ...DEPUTY_SUMMARY_FIELDS, stations: 1 })
    .end();
  return { deputies: data as DeputySearchHit[] };
};
