import { COLLECTIONS } from '../../../infra/database';
import { exportJobView, type ExportJobDocument } from '../../../infra/documents/exportJobs';
import { retryDocumentId } from '../../../infra/documents/requestIds';
import { addUnlessDuplicate } from '../../core/databaseErrors';
import type { Handler } from '../../core/handler';
import { loadWorker } from '../access';
import { statsTarget } from '../statsScope';

/**
 * Staff ask for the workbook of any range and place (a year of a city): the job is queued and
 * answered at once; the exports timer writes it (casework/exportJobs.ts). The scope is checked now,
 * so a place out of reach is refused here, not later. A retry with the same clientRequestId answers
 * the same job. Three database requests.
 */
export const startExport: Handler<'casework.startExport'> = async (payload, ctx) => {
  const worker = await loadWorker(ctx, 'staff');
  const { db, now } = ctx;
  await statsTarget(db, worker, payload.scope);
  const job: ExportJobDocument = {
    _id: retryDocumentId('export', worker.openid, payload.clientRequestId),
    kind: 'casework',
    ownerOpenid: worker.openid,
    from: payload.from,
    to: payload.to,
    scope: payload.scope ?? null,
    status: 'queued',
    requestedAt: now,
    startedAt: null,
    finishedAt: null,
    fileID: null,
    fileName: null,
    caseCount: null,
    reads: 0,
    largestRead: 0,
    failure: null,
  };
  const jobs = db.collection(COLLECTIONS.exportJobs);
  if (await addUnlessDuplicate(jobs, job)) return { job: exportJobView(job, null) };
  const { data } = await jobs.doc(job._id).get();
  return { job: exportJobView(data[0] as ExportJobDocument, null) };
};
