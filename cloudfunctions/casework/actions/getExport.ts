import { COLLECTIONS } from '../../../infra/database';
import { exportJobView, type ExportJobDocument } from '../../../infra/documents/exportJobs';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { loadWorker } from '../access';
import { downloadUrlOf } from '../../core/exportJobs';

/** Staff poll one of their background exports; another staff member's is not found. Two database requests. */
export const getExport: Handler<'casework.getExport'> = async (payload, ctx) => {
  const worker = await loadWorker(ctx, 'staff');
  const { data } = await ctx.db.collection(COLLECTIONS.exportJobs).where({ _id: payload.jobId, ownerOpenid: worker.openid }).limit(1).get();
  const job = data[0] as ExportJobDocument | undefined;
  if (!job) fail('COMMON.NOT_FOUND');
  return { job: exportJobView(job, await downloadUrlOf(job)) };
};
