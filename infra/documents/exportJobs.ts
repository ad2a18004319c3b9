import type { ExportJobKind, ExportJobStatus, ExportJobView, StatsScope } from '../../miniprogram/shared/contract/casework';

export type { ExportJobKind };

/**
 * Where a job written over several firings stands (duty: a turn of deputies a firing). Each turn's
 * rows are a part file in cloud storage; the last firing joins them into the workbook.
 */
export interface ExportProgress {
  /** Where the next turn starts reading (null: at the start). */
  cursor: string | null;
  /** Every row is written to a part: the next firing joins them. */
  allRead: boolean;
  /** Turns done, so that a turn is recorded once even if two firings overlap. */
  turns: number;
  /** Rows (deputies) written so far. */
  rows: number;
  /** The parts' fileIDs, in order. */
  parts: string[];
}

/**
 * A background export (collection export_jobs): asked for by a staff member, written by the
 * exports timer of the function of its kind (casework: a page of cases at a time in one firing;
 * duty: a turn of deputies per firing). Its _id comes from the request, so a retried request finds
 * the job it made.
 */
export interface ExportJobDocument {
  _id: string;
  kind: ExportJobKind;
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
  /** A job written over several firings: how far it is; null (or absent, casework) otherwise. */
  progress?: ExportProgress | null;
}

export function exportJobView(job: ExportJobDocument, url: string | null): ExportJobView {
  return {
    _id: job._id,
    kind: job.kind,
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
