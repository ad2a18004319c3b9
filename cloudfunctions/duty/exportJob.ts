import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COLLECTIONS } from '../../infra/database';
import type { ExportJobDocument, ExportProgress } from '../../infra/documents/exportJobs';
import { retryDocumentId } from '../../infra/documents/requestIds';
import type { DutyRecord } from '../../miniprogram/shared/contract/duty';
import { yearSpan } from '../../miniprogram/shared/domain/duty';
import { shanghaiDate } from '../../miniprogram/shared/domain/time';
import { claimJob, newExportJob, queueExportJob } from '../core/exportJobs';
import { callContext, type CallContext } from '../core/handler';
import { inTurns } from '../core/inTurns';
import { deleteFiles, downloadBuffer, uploadBuffer } from '../core/storage';
import { loadDutyCaller, type DeputyPlace } from './access';
import { pageDeputiesInScope } from './deputyPage';
import { buildRecord, RECORDS_AT_ONCE } from './record';
import { entryRows, streamDutyWorkbook, type DutyPart } from './workbook';

/**
 * The most deputies whose records one call (or one firing of the exports timer) works out: about
 * eight database requests each, so about 400 (eight at a time), some 13 s at the 30 requests a
 * second of a basic environment, within the duty function's 20 s. A station, a small street.
 */
export const RECORDS_PER_CALL = 50;

/** Deputies' records of `year`, worked out now, eight at a time, and their rows of the workbook (figures as of today). */
export async function workOutPart(ctx: CallContext, deputies: readonly DeputyPlace[], year: number): Promise<{ records: DutyRecord[]; part: DutyPart }> {
  const records = await inTurns(deputies, RECORDS_AT_ONCE, (deputy) => buildRecord(ctx, deputy, year));
  const asOf = shanghaiDate(ctx.now);
  return {
    records,
    part: {
      lines: records.map((record) => ({ deputyName: record.deputyName, total: record.score.total, figures: record.figures, asOf })),
      entries: records.flatMap(entryRows),
    },
  };
}

/**
 * Queues the export of `year` for every deputy of the staff member's scope, written by the exports
 * timer RECORDS_PER_CALL deputies a firing. One job per staff member, year and Shanghai day: asking
 * again (a retry, a second tap) answers the same job, ready or not; one that failed is queued
 * afresh. Two requests at most (three to queue a failed one again).
 */
export async function queueScopeExport(ctx: CallContext, ownerOpenid: string, year: number): Promise<ExportJobDocument> {
  const progress: ExportProgress = { cursor: null, allRead: false, turns: 0, rows: 0, parts: [] };
  const _id = retryDocumentId('duty-export', ownerOpenid, String(year), shanghaiDate(ctx.now));
  const fresh = newExportJob({ _id, kind: 'duty', ownerOpenid, ...yearSpan(year), scope: null, progress }, ctx.now);
  const job = await queueExportJob(ctx.db, fresh);
  if (job.status !== 'failed') return job;
  const { _id: _same, ...again } = fresh;
  const _ = ctx.db.command;
  const { updated } = await ctx.db
    .collection(COLLECTIONS.exportJobs)
    .where({ _id, status: 'failed' })
    .update({ ...again, progress: _.set(progress) });
  return updated === 1 ? fresh : job;
}

export interface DutyExportReport {
  job: string | null;
  status?: 'running' | 'done' | 'failed';
  deputies?: number;
}

/** Joins a job's parts into the workbook, streamed to a temporary file, and stores it. */
async function finishJob(ctx: CallContext, job: ExportJobDocument, progress: ExportProgress): Promise<Partial<ExportJobDocument>> {
  const file = join(tmpdir(), `duty-export-${job._id}.xlsx`);
  try {
    const read = async (index: number) => JSON.parse((await downloadBuffer(progress.parts[index]!)).toString('utf8')) as DutyPart;
    await streamDutyWorkbook(file, ctx.now, progress.parts.length, read);
    const year = job.from.slice(0, 4);
    const fileID = await uploadBuffer({ cloudPath: `exports/duty/${year}-${job._id}.xlsx`, content: await readFile(file) });
    return { fileID, fileName: `代表履职档案_本辖区_${year}.xlsx`, caseCount: progress.rows, status: 'done', finishedAt: ctx.now };
  } finally {
    await rm(file, { force: true });
  }
}

/**
 * One turn of a job: the next RECORDS_PER_CALL deputies of the owner's scope (read again each turn,
 * so staff who lost it get nothing more), their records worked out and stored as a part; the job
 * remembers where the next turn starts. Recorded only if no other firing recorded this turn; a
 * firing cut short repeats the turn, writing its part again at the same path.
 */
async function nextTurn(ctx: CallContext, job: ExportJobDocument, progress: ExportProgress): Promise<ExportProgress | null> {
  const owner = callContext(job.ownerOpenid, ctx.db, ctx.now);
  const { staff } = await loadDutyCaller(owner, ['staff']);
  const page = await pageDeputiesInScope(owner, staff!, progress.cursor ?? undefined, RECORDS_PER_CALL);
  const { part } = await workOutPart(owner, page.deputies, Number(job.from.slice(0, 4)));
  const fileID = await uploadBuffer({ cloudPath: `exports/duty/parts/${job._id}-${progress.turns}.json`, content: Buffer.from(JSON.stringify(part)) });
  const next: ExportProgress = {
    cursor: page.nextCursor,
    allRead: !page.nextCursor,
    turns: progress.turns + 1,
    rows: progress.rows + page.deputies.length,
    parts: [...progress.parts, fileID],
  };
  const _ = ctx.db.command;
  const { updated } = await ctx.db
    .collection(COLLECTIONS.exportJobs)
    .where({ _id: job._id, status: 'running', 'progress.turns': progress.turns })
    .update({ progress: _.set(next), reads: job.reads + 1, largestRead: Math.max(job.largestRead, page.deputies.length) });
  // Another firing recorded this turn: its part has the same path (the same deputies' rows), so it stays.
  return updated === 1 ? next : null;
}

/**
 * The duty exports timer (every minute): the oldest running duty export (else the oldest queued
 * one, claimed; one request when there is none) takes one turn: RECORDS_PER_CALL deputies' records worked out, or, once every
 * deputy is, the workbook joined from the parts. A city's 5,000 deputies take a hundred firings;
 * the requester sees the job in casework.listExports / casework.getExport. A failure ends the job
 * as failed with its reason, and its parts are deleted.
 */
export async function runDutyExports(ctx: CallContext): Promise<DutyExportReport> {
  const jobs = ctx.db.collection(COLLECTIONS.exportJobs);
  const _ = ctx.db.command;
  // Running before queued ('running' sorts after 'queued'), each the oldest first: one request when idle.
  const { data } = await jobs
    .where({ status: _.in(['running', 'queued']), kind: 'duty' })
    .orderBy('status', 'desc')
    .orderBy('requestedAt', 'asc')
    .limit(1)
    .get();
  const found = data[0] as ExportJobDocument | undefined;
  const job = found?.status === 'queued' ? await claimJob(ctx.db, found, ctx.now) : found;
  if (!job?.progress) return { job: null };
  const { progress } = job;
  try {
    if (!progress.allRead) {
      const next = await nextTurn(ctx, job, progress);
      return { job: job._id, status: 'running', deputies: next?.rows ?? progress.rows };
    }
    const finished = await finishJob(ctx, job, progress);
    await jobs.doc(job._id).update(finished);
    await dropParts(job, progress);
    return { job: job._id, status: 'done', deputies: progress.rows };
  } catch (error) {
    console.error(`[duty] export ${job._id} failed`, error);
    const failure = error instanceof Error ? error.message : String(error);
    await jobs.doc(job._id).update({ status: 'failed', failure, finishedAt: ctx.now });
    await dropParts(job, progress);
    return { job: job._id, status: 'failed' };
  }
}

/** Deletes a finished job's parts; one left behind is logged (temporary files, never shown), not a failure of the job. */
async function dropParts(job: ExportJobDocument, progress: ExportProgress): Promise<void> {
  if (progress.parts.length === 0) return;
  await deleteFiles(progress.parts).catch((error: unknown) => console.error(`[duty] export ${job._id}: parts not deleted`, error));
}
