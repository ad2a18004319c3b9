import { COLLECTIONS } from '../../../infra/database';
import { publishedIdFor, type PublishedFiguresDocument } from '../../../infra/documents/duty';
import type { Handler } from '../../core/handler';
import { deputyFor, loadDutyCaller } from '../access';
import { buildRecord } from '../record';

/**
 * A deputy's own record of a year, or one staff cover: every entry linked to its source, the score
 * line by line; for the year the duty timer publishes, the rankings it published (station, area)
 * where staff turned ranking on.
 */
export const getRecord: Handler<'duty.getRecord'> = async ({ year, deputyId }, ctx) => {
  const caller = await loadDutyCaller(ctx, ['deputy', 'staff']);
  const deputy = await deputyFor(ctx, caller, deputyId);
  const [record, published] = await Promise.all([
    buildRecord(ctx, deputy, year),
    ctx.db
      .collection(COLLECTIONS.dutyPublished)
      .where({ _id: publishedIdFor('deputy', deputy.deputyId) })
      .limit(1)
      .get(),
  ]);
  const doc = published.data[0] as PublishedFiguresDocument | undefined;
  const rankings = doc && doc.year === year ? [doc.ranking, doc.areaRanking ?? null].filter((ranking): ranking is NonNullable<typeof ranking> => !!ranking) : [];
  return { ...record, rankings };
};
