import type { ExportJobStatus, ExportJobView, StatsScope } from '../../miniprogram/shared/contract/casework';

/**
 * A background export (collection export_jobs): asked for by a staff member, written by the
 * casework exports timer a page of cases at a time. Its _id comes from the request id, so a retried
 * request finds the job it made.
 */
export interface ExportJobDocument {
  _id: string;
  kind: 'casework';
  ownerOpenid: string;
  from: string;
  to: string;
  scope: StatsScope | null;
  status: ExportJobStatus;
  requestedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  fileID: string | null;
  fileName: string | null;
  caseCount: number | null;
  /** How the cases were read: reads made and the most documents one read returned (the memory bound). */
  reads: number;
  largestRead: number;
  /** Why it failed, for the logs and the requester. */
  failure: string | null;
}

export function exportJobView(job: ExportJobDocument, url: string | null): ExportJobView {
  return {
    _id: job._id,
    status: job.status,
    from: job.from,
    to: job.to,
    requestedAt: job.requestedAt.toISOString(),
    finishedAt: job.finishedAt ? job.finishedAt.toISOString() : null,
    fileName: job.fileName,
    caseCount: job.caseCount,
    url,
  };
}
