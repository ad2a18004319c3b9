import { randomBytes } from 'node:crypto';
import { COLLECTIONS } from '../../../infra/database';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { getDownloadUrls, uploadBuffer } from '../../core/storage';
import type { OpinionDocument } from '../../../infra/documents/opinions';
import { loadWorker } from '../access';
import { createdWithin } from '../statsScope';
import { computeStats } from '../stats';
import { caseWorkbook } from '../workbook';

/** The most cases one workbook lists; a longer range or a wider place is refused (CASE.EXPORT_TOO_LARGE). */
export const EXPORT_MAX_CASES = 5000;
/** CloudBase answers at most this many documents per read. */
const READ_PAGE = 1000;

/** What a workbook lists of each case. */
export const LIST_FIELDS = {
  _id: true,
  trackingNo: true,
  createdAt: true,
  stationName: true,
  deputyName: true,
  category: true,
  status: true,
  acceptedAt: true,
  resolvedAt: true,
  assignments: true,
  outcome: true,
  rating: true,
  deadline: true,
  lateStages: true,
  urgeCount: true,
  text: true,
};

/**
 * The figures and the list of the cases collected in the range, as an Excel workbook in cloud
 * storage (exports/casework/…), with a temporary URL to download it. Four database requests for
 * the figures, then one per thousand cases listed.
 */
export const exportCases: Handler<'casework.export'> = async (payload, ctx) => {
  const worker = await loadWorker(ctx, 'staff');
  const { db, now } = ctx;
  const _ = db.command;
  const { stats, target } = await computeStats(ctx, worker, payload);
  if (stats.counts.collected > EXPORT_MAX_CASES) fail('CASE.EXPORT_TOO_LARGE');

  const cases: OpinionDocument[] = [];
  const query = db.collection(COLLECTIONS.opinions).where(_.and([target.opinions, createdWithin(db, payload)]));
  for (let skip = 0; skip < stats.counts.collected; skip += READ_PAGE) {
    const { data } = await query.orderBy('createdAt', 'asc').orderBy('_id', 'asc').skip(skip).limit(READ_PAGE).field(LIST_FIELDS).get();
    cases.push(...(data as OpinionDocument[]));
    if (data.length < READ_PAGE) break;
  }

  const content = await caseWorkbook(stats, cases, now);
  const stamp = `${stats.scope.kind}-${stats.scope.id}-${stats.from}-${stats.to}-${randomBytes(6).toString('hex')}`;
  const fileID = await uploadBuffer({ cloudPath: `exports/casework/${stamp}.xlsx`, content });
  const [file] = await getDownloadUrls([fileID]);
  return { fileID, url: file?.url ?? '', fileName: `意见办理统计_${stats.scope.name}_${stats.from}_${stats.to}.xlsx`, caseCount: cases.length };
};
