import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COLLECTIONS } from '../../infra/database';
import type { ExportJobDocument } from '../../infra/documents/exportJobs';
import type { OpinionDocument } from '../../infra/documents/opinions';
import { claimQueuedJob } from '../core/exportJobs';
import { callContext, type CallContext } from '../core/handler';
import { uploadBuffer } from '../core/storage';
import { loadWorker } from './access';
import { LIST_FIELDS } from './actions/exportCases';
import { createdWithin } from './statsScope';
import { computeStats } from './stats';
import { streamCaseWorkbook } from './workbook';

/**
 * Cases read per request while writing a background export: what the function holds in memory at
 * once (the SDK's cap on one read is 1,000). Pages follow a cursor on (createdAt, _id), so the
 * thousandth page costs what the first does.
 */
export const EXPORT_PAGE = 500;

export interface ExportReport {
  job: string | null;
  status?: 'done' | 'failed';
  caseCount?: number;
}

/** Writes one job's workbook a page at a time into a temporary file, then stores it. */
async function writeExport(ctx: CallContext, job: ExportJobDocument): Promise<Partial<ExportJobDocument>> {
  const worker = await loadWorker(ctx, 'staff');
  const { db, now } = ctx;
  const _ = db.command;
  const request = { from: job.from, to: job.to, ...(job.scope ? { scope: job.scope } : {}) };
  const { stats, target } = await computeStats(ctx, worker, request);
  const base = _.and([target.opinions, createdWithin(db, request)]);
  const file = join(tmpdir(), `export-${job._id}.xlsx`);
  const workbook = streamCaseWorkbook(stats, now, file);
  let reads = 0;
  let largestRead = 0;
  let caseCount = 0;
  try {
    let after: OpinionDocument | undefined;
    for (;;) {
      const cursor = after ? _.or([{ createdAt: _.gt(after.createdAt) }, { createdAt: after.createdAt, _id: _.gt(after._id) }]) : undefined;
      const { data } = await db
        .collection(COLLECTIONS.opinions)
        .where(cursor ? _.and([base, cursor]) : base)
        .orderBy('createdAt', 'asc')
        .orderBy('_id', 'asc')
        .limit(EXPORT_PAGE)
        .field(LIST_FIELDS)
        .get();
      const page = data as OpinionDocument[];
      reads += 1;
      largestRead = Math.max(largestRead, page.length);
      caseCount += page.length;
      workbook.addCases(page);
      if (page.length < EXPORT_PAGE) break;
      after = page[page.length - 1];
    }
    await workbook.finish();
    const fileName = `意见办理统计_${stats.scope.name}_${stats.from}_${stats.to}.xlsx`;
    const fileID = await uploadBuffer({ cloudPath: `exports/casework/${stats.scope.kind}-${stats.scope.id}-${job._id}.xlsx`, content: await readFile(file) });
    return { fileID, fileName, caseCount, reads, largestRead };
  } finally {
    await rm(file, { force: true });
  }
}

/**
 * The exports timer (every minute): takes the oldest queued casework export, claims it (a conditional
 * update, so two firings never write the same job), writes it and records where the file is, or
 * why it failed. The requester sees it in casework.listExports / casework.getExport. One job per
 * firing keeps each firing within the function's time limit.
 */
export async function runExportJobs(ctx: CallContext): Promise<ExportReport> {
  const { db, now } = ctx;
  const jobs = db.collection(COLLECTIONS.exportJobs);
  const job = await claimQueuedJob(db, 'casework', now);
  if (!job) return { job: null };
  try {
    const written = await writeExport(callContext(job.ownerOpenid, db, now), job);
    await jobs.doc(job._id).update({ ...written, status: 'done', finishedAt: now });
    return { job: job._id, status: 'done', caseCount: written.caseCount ?? 0 };
  } catch (error) {
    console.error(`[casework] export ${job._id} failed`, error);
    const failure = error instanceof Error ? error.message : String(error);
    await jobs.doc(job._id).update({ status: 'failed', failure, finishedAt: now });
    return { job: job._id, status: 'failed' };
  }
}
