import { exportJobView } from '../../../infra/documents/exportJobs';
import { retryDocumentId } from '../../../infra/documents/requestIds';
import { newExportJob, queueExportJob } from '../../core/exportJobs';
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
  const job = await queueExportJob(
    db,
    newExportJob(
      {
        _id: retryDocumentId('export', worker.openid, payload.clientRequestId),
        kind: 'casework',
        ownerOpenid: worker.openid,
        from: payload.from,
        to: payload.to,
        scope: payload.scope ?? null,
      },
      now,
    ),
  );
  return { job: exportJobView(job, null) };
};
