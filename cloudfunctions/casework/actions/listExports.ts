import { COLLECTIONS } from '../../../infra/database';
import { exportJobView, type ExportJobDocument } from '../../../infra/documents/exportJobs';
import type { Handler } from '../../core/handler';
import { loadWorker } from '../access';
import { downloadUrlOf } from '../../core/exportJobs';

/** How many of their latest exports a staff member sees. */
const LISTED = 20;

/** Staff: their background exports, latest first, each finished one with a fresh download URL. Two database requests. */
export const listExports: Handler<'casework.listExports'> = async (_payload, ctx) => {
  const worker = await loadWorker(ctx, 'staff');
  const { data } = await ctx.db.collection(COLLECTIONS.exportJobs).where({ ownerOpenid: worker.openid }).orderBy('requestedAt', 'desc').limit(LISTED).get();
  const jobs = data as ExportJobDocument[];
  return { jobs: await Promise.all(jobs.map(async (job) => exportJobView(job, await downloadUrlOf(job)))) };
};
