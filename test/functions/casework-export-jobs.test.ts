/**
 * Exports of any size as a background job (issue 18, item 3): staff ask, the exports timer writes
 * the workbook a page at a time, and the staff member finds it ready in their list. Memory is
 * bounded by the page: no read returns more than EXPORT_PAGE cases, however many are exported.
 */
import { COLLECTIONS } from '../../infra/database';
import { EXPORT_PAGE } from '../../cloudfunctions/casework/exportJobs';
import type { ExportJobDocument } from '../../infra/documents/exportJobs';
import { addDays, shanghaiDate } from '../../miniprogram/shared/domain/time';
import { repairCaseCounters } from '../../runtime/repair/caseCounters';
import { ok, useTestRuntime } from '../support/runtime';
import { database } from './booking.support';
import { CITY_STAFF, JIANGNAN_STAFF } from '../support/people';

/** Cases generated for the test: several pages' worth, not a whole city. */
const GENERATED = 3 * EXPORT_PAGE + 137;

let range: { from: string; to: string };
const t = useTestRuntime();
beforeAll(async () => {
  const today = shanghaiDate(t.clock.now());
  range = { from: addDays(today, -364), to: today };
  // A seeded case as the model; copies spread over the year, in the model's place.
  const { data } = await database(t).collection(COLLECTIONS.opinions).limit(1).get();
  const model = data[0] as Record<string, unknown> & { _id: string; createdAt: Date };
  const start = t.clock.now().getTime() - 360 * 86_400_000;
  for (let batch = 0; batch < GENERATED; batch += 500) {
    const copies = Array.from({ length: Math.min(500, GENERATED - batch) }, (_, k) => {
      const n = batch + k;
      const { _id: _dropped, ...rest } = model;
      return { ...rest, _id: `gen-export-${String(n).padStart(5, '0')}`, trackingNo: `GEN${String(n).padStart(8, '0')}`, createdAt: new Date(start + n * 60_000) };
    });
    await database(t).collection(COLLECTIONS.opinions).add(copies);
  }
  // Written past the functions, as a data migration would be: the statistics counters are recounted.
  await repairCaseCounters(database(t), t.clock.now(), { write: true });
}, 120_000);

const job = async (jobId: string): Promise<ExportJobDocument> => {
  const { data } = await database(t).collection(COLLECTIONS.exportJobs).doc(jobId).get();
  return data[0] as ExportJobDocument;
};

test('a year of the city is exported in the background: queued at once, written by the timer a page at a time, then listed ready to download', async () => {
  const { job: queued } = ok(await t.call('casework.startExport', { ...range, clientRequestId: 'export-year-0001' }, { openid: CITY_STAFF }));
  expect(queued).toMatchObject({ status: 'queued', url: null, caseCount: null });
  // The same request again is the same job.
  expect(ok(await t.call('casework.startExport', { ...range, clientRequestId: 'export-year-0001' }, { openid: CITY_STAFF })).job._id).toBe(queued._id);

  const stats = ok(await t.call('casework.stats', range, { openid: CITY_STAFF }));
  await t.fireTimer('casework');

  const { job: done } = ok(await t.call('casework.getExport', { jobId: queued._id }, { openid: CITY_STAFF }));
  expect(done).toMatchObject({ status: 'done', caseCount: stats.counts.collected });
  expect(done.caseCount).toBeGreaterThan(GENERATED);
  expect(done.url).toMatch(/^https?:\/\//);
  expect(done.fileName).toMatch(/\.xlsx$/);

  // Bounded by the page, not by the data: every read held at most a page, and it took as many reads as pages.
  const stored = await job(queued._id);
  expect(stored.largestRead).toBe(EXPORT_PAGE);
  expect(stored.reads).toBe(Math.floor(stats.counts.collected / EXPORT_PAGE) + 1);

  const { jobs } = ok(await t.call('casework.listExports', {}, { openid: CITY_STAFF }));
  expect(jobs[0]).toMatchObject({ _id: queued._id, status: 'done' });

  // The workbook lists every case once.
  const file = Buffer.from(await (await fetch(done.url as string)).arrayBuffer());
  const { Workbook } = require('exceljs') as typeof import('exceljs');
  const workbook = new Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  expect(workbook.getWorksheet('意见清单')?.actualRowCount).toBe((done.caseCount as number) + 1);
}, 180_000);

test("a staff member's export is theirs alone: another finds no such job and lists none of it", async () => {
  const { job: queued } = ok(await t.call('casework.startExport', { ...range, clientRequestId: 'export-mine-0001' }, { openid: CITY_STAFF }));
  expect(await t.call('casework.getExport', { jobId: queued._id }, { openid: JIANGNAN_STAFF })).toMatchObject({ ok: false, code: 'COMMON.NOT_FOUND' });
  const { jobs } = ok(await t.call('casework.listExports', {}, { openid: JIANGNAN_STAFF }));
  expect(jobs.map((j) => j._id)).not.toContain(queued._id);
});

test('a place out of the staff member’s reach is refused when asked, not later', async () => {
  const answer = await t.call('casework.startExport', { ...range, scope: { stationId: 'st-qingshi' }, clientRequestId: 'export-far-0001' }, { openid: 'demo-staff-beishan' });
  expect(answer).toMatchObject({ ok: false });
});
