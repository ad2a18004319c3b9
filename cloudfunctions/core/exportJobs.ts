import { COLLECTIONS } from '../../infra/database';
import type { ExportJobDocument, ExportJobKind } from '../../infra/documents/exportJobs';
import { addUnlessDuplicate } from './databaseErrors';
import type { Database } from './cloud';
import { getDownloadUrls } from './storage';

/**
 * Background exports (collection export_jobs), whichever function writes them: staff queue one and
 * are answered at once; that function's exports timer claims the oldest queued job of its kind and
 * writes it; casework.getExport / casework.listExports show the requester every kind.
 */

/** A queued job of `kind` for its owner: nothing written yet. */
export function newExportJob(
  fields: Pick<ExportJobDocument, '_id' | 'kind' | 'ownerOpenid' | 'from' | 'to' | 'scope'> & Partial<Pick<ExportJobDocument, 'progress'>>,
  now: Date,
): ExportJobDocument {
  return {
    progress: null,
    ...fields,
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
}

/** Queues `job`, or answers the job its id already names (a retried request, the same ask again). Two requests at most. */
export async function queueExportJob(db: Database, job: ExportJobDocument): Promise<ExportJobDocument> {
  const jobs = db.collection(COLLECTIONS.exportJobs);
  if (await addUnlessDuplicate(jobs, job)) return job;
  const { data } = await jobs.doc(job._id).get();
  return data[0] as ExportJobDocument;
}

/**
 * The oldest queued job of `kind`, claimed, or null when none waits. Two requests when one is
 * claimed, one otherwise.
 */
export async function claimQueuedJob(db: Database, kind: ExportJobKind, now: Date): Promise<ExportJobDocument | null> {
  const { data } = await db.collection(COLLECTIONS.exportJobs).where({ status: 'queued', kind }).orderBy('requestedAt', 'asc').limit(1).get();
  const job = data[0] as ExportJobDocument | undefined;
  return job ? claimJob(db, job, now) : null;
}

/** A queued job marked running by a conditional update, so two firings never take the same job; null when another took it. One request. */
export async function claimJob(db: Database, job: ExportJobDocument, now: Date): Promise<ExportJobDocument | null> {
  const { updated } = await db.collection(COLLECTIONS.exportJobs).where({ _id: job._id, status: 'queued' }).update({ status: 'running', startedAt: now });
  return updated === 1 ? { ...job, status: 'running', startedAt: now } : null;
}

/** The temporary download URL of a finished job's file; null before it is done. */
export async function downloadUrlOf(job: ExportJobDocument): Promise<string | null> {
  if (job.status !== 'done' || !job.fileID) return null;
  const [file] = await getDownloadUrls([job.fileID]);
  return file?.url ?? null;
}
