import { COLLECTIONS } from '../../../infra/database';
import { activityView, contestView, leaveView, type ActivityDocument, type AttendanceDocument, type ContestDocument } from '../../../infra/documents/duty';
import type { PendingWork } from '../../../miniprogram/shared/contract/duty';
import { scopeCovers } from '../../core/caller';
import type { Handler } from '../../core/handler';
import { findDeputies, findStations, loadDutyCaller, type DeputyPlace } from '../access';
import { buildRecord } from '../record';

const PENDING_LIMIT = 200;

/**
 * Staff: what waits for their decision among the deputies their scope covers — activities deputies
 * added (to confirm or not), leave asked for a reception day (to approve or refuse), contests of
 * 错、重、漏 (to uphold or dismiss, with the contested entry's title from the deputy's record).
 * Oldest first, so what waited longest comes first.
 */
export const listPending: Handler<'duty.listPending'> = async (_payload, ctx) => {
  const { staff } = await loadDutyCaller(ctx, ['staff']);
  const scope = staff!;
  const _ = ctx.db.command;
  const [activityRows, leaveRows, contestRows] = await Promise.all([
    ctx.db.collection(COLLECTIONS.dutyActivities).where({ areaPath: scope.areaId, status: 'pending' }).limit(PENDING_LIMIT).get(),
    ctx.db.collection(COLLECTIONS.dutyAttendance).where({ areaPath: scope.areaId, 'leave.status': 'asked' }).limit(PENDING_LIMIT).get(),
    ctx.db.collection(COLLECTIONS.dutyContests).where({ areaPath: scope.areaId, status: 'open' }).limit(PENDING_LIMIT).get(),
  ]);
  const covered = (place: { areaPath: string[]; stationIds: string[] }) => place.stationIds.some((stationId) => scopeCovers(scope, { areaPath: place.areaPath, stationId }));
  const activities = (activityRows.data as ActivityDocument[]).filter(covered);
  const leaves = (leaveRows.data as AttendanceDocument[]).filter((doc) => covered({ areaPath: doc.areaPath, stationIds: [doc.stationId] }));
  const contests = (contestRows.data as ContestDocument[]).filter(covered);

  const deputyIds = [...new Set([...activities.flatMap((doc) => doc.deputyIds), ...leaves.map((doc) => doc.deputyId), ...contests.map((doc) => doc.deputyId)])];
  const deputies = new Map<string, DeputyPlace>(deputyIds.length === 0 ? [] : (await findDeputies(ctx, { _id: _.in(deputyIds) })).map((deputy) => [deputy.deputyId, deputy]));
  const stations = await findStations(ctx, [...new Set(activities.flatMap((doc) => doc.stationIds))]);
  const nameOf = (deputyId: string) => deputies.get(deputyId)?.name ?? '';

  // The contested entries' titles, from each deputy's record of the contested year.
  const titles = new Map<string, string>();
  const recordKeys = [...new Set(contests.filter((doc) => doc.entryId).map((doc) => `${doc.deputyId}|${doc.year}`))];
  await Promise.all(
    recordKeys.map(async (key) => {
      const [deputyId, year] = key.split('|') as [string, string];
      const deputy = deputies.get(deputyId);
      if (!deputy) return;
      const record = await buildRecord(ctx, deputy, Number(year));
      for (const entry of record.entries) titles.set(`${deputyId}|${entry.id}`, `${entry.date} ${entry.title}`);
    }),
  );

  const byCreated = <T extends { _id: string; createdAt: Date }>(a: T, b: T) =>
    new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime() || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0);
  const result: PendingWork = {
    activities: [...activities].sort(byCreated).map((doc) => ({
      ...activityView(doc),
      deputyNames: doc.deputyIds.map(nameOf),
      stationNames: doc.stationIds.flatMap((id) => stations.get(id)?.name ?? []),
    })),
    leaves: [...leaves]
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a._id < b._id ? -1 : 1))
      .flatMap((doc) => {
        const view = leaveView(doc);
        return view ? [{ ...view, deputyId: doc.deputyId, deputyName: nameOf(doc.deputyId) }] : [];
      }),
    contests: [...contests].sort(byCreated).map((doc) => ({
      ...contestView(doc),
      deputyId: doc.deputyId,
      deputyName: nameOf(doc.deputyId),
      year: doc.year,
      entryTitle: doc.entryId ? (titles.get(`${doc.deputyId}|${doc.entryId}`) ?? null) : null,
    })),
  };
  return result;
};
