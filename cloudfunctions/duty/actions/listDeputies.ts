import type { Handler } from '../../core/handler';
import { inTurns } from '../../core/inTurns';
import { findDeputiesInScope, loadDutyCaller } from '../access';
import { buildRecord, RECORDS_AT_ONCE } from '../record';

/**
 * Staff: the deputies of the stations their scope covers, with the year's totals and what waits for
 * their decision. One record per deputy (eight database requests each).
 */
export const listDeputies: Handler<'duty.listDeputies'> = async ({ year }, ctx) => {
  const { staff } = await loadDutyCaller(ctx, ['staff']);
  const deputies = staff ? await findDeputiesInScope(ctx, staff) : [];
  const records = await inTurns(deputies, RECORDS_AT_ONCE, (deputy) => buildRecord(ctx, deputy, year));
  return {
    deputies: records.map((record, index) => ({
      deputyId: record.deputyId,
      name: record.deputyName,
      stationNames: deputies[index]?.stations.map((station) => station.name) ?? [],
      total: record.score.total,
      figures: record.figures,
      pendingActivities: record.activities.filter((activity) => activity.status === 'pending').length,
      openContests: record.contests.filter((contest) => contest.status === 'open').length,
      askedLeaves: record.leaves.filter((leave) => leave.status === 'asked').length,
    })),
  };
};
