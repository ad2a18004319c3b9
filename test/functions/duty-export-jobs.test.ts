/**
 * Last year's 履职档案 of a scope too large to work out in one call (a district, every January): a
 * background job that the duty exports timer writes RECORDS_PER_CALL deputies a firing, keeping
 * its progress in the job, then joins into one workbook with both sheets; the staff member finds it
 * among their exports (casework.listExports / getExport) like a casework export.
 */
import { Workbook } from 'exceljs';
import { COLLECTIONS } from '../../infra/database';
import { RECORDS_PER_CALL } from '../../cloudfunctions/duty/exportJob';
import type { ExportJobDocument } from '../../infra/documents/exportJobs';
import type { DeputyRow } from '../../miniprogram/shared/contract/duty';
import { DEMO_DUTY_AREA, DEMO_DUTY_DEPUTY } from '../../runtime/seed/demoDuty';
import { ok, useTestRuntime } from '../support/runtime';
import { CITY_STAFF, JIANGNAN_STAFF } from '../support/people';
import { cloud, database } from './helpers/cloud';
import { exportedFile, staffOf } from './helpers/duty';

const t = useTestRuntime();

/** Deputies added to a station of 江北区: more than one call works out, a few firings' worth. */
const ADDED = RECORDS_PER_CALL + 17;

interface Firing {
  result: { ok: boolean; data: { job: string | null; status?: string; deputies?: number } };
  databaseRequests: number;
}

/** Fires the duty function's timers as CloudBase would, answering the exports timer's firing. */
async function fireExports(): Promise<Firing> {
  const res = await fetch(`${t.runtime.url}/timers/duty`, { method: 'POST' });
  const { results } = (await res.json()) as { results: Array<Firing & { trigger: string }> };
  return results.find((firing) => firing.trigger === 'dutyExports')!;
}

test("a district's export of last year is written in the background, a turn of deputies a firing, and found ready with every deputy and every entry", async () => {
  const jiangbei = await staffOf(t, 'duty-jobs-jiangbei', { role: 'area', areaId: DEMO_DUTY_AREA });
  await database(t)
    .collection(COLLECTIONS.deputies)
    .add(
      Array.from({ length: ADDED }, (_, i) => ({ _id: `dp-job-${String(i).padStart(3, '0')}`, name: `后台代表${i}`, code: `J${i}`, active: true, stationIds: ['st-linjiang'] })),
    );
  const listed: DeputyRow[] = [];
  for (let cursor: string | null | undefined; cursor !== null;) {
    const page = ok(await t.call('duty.listDeputies', { year: 2025, ...(cursor ? { cursor } : {}) }, { openid: jiangbei }));
    listed.push(...page.deputies);
    cursor = page.nextCursor;
  }
  expect(listed.length).toBeGreaterThan(RECORDS_PER_CALL);

  // Asked: answered at once with the queued job; asking again the same day is the same job.
  const asked = ok(await t.call('duty.export', { year: 2025 }, { openid: jiangbei }));
  if (!('job' in asked)) throw new Error('expected a background job');
  expect(asked.job).toMatchObject({ kind: 'duty', status: 'queued', from: '2025-01-01', to: '2025-12-31', url: null, caseCount: null });
  expect(ok(await t.call('duty.export', { year: 2025 }, { openid: jiangbei }))).toMatchObject({ job: { _id: asked.job._id } });
  // Another district's staff cannot see it.
  expect(await t.call('casework.getExport', { jobId: asked.job._id }, { openid: JIANGNAN_STAFF })).toMatchObject({ ok: false, code: 'COMMON.NOT_FOUND' });

  // A turn of at most RECORDS_PER_CALL deputies a firing (about eight requests each, as in a call),
  // then one firing joins the parts.
  const firings: Firing[] = [];
  for (let firing = await fireExports(); firings.push(firing) < 10 && firing.result.data.status === 'running'; firing = await fireExports());
  const turns = Math.ceil(listed.length / RECORDS_PER_CALL);
  expect(firings.map((firing) => firing.result.data.status)).toEqual([...Array<string>(turns).fill('running'), 'done']);
  expect(firings.map((firing) => firing.result.data.deputies)).toEqual([
    ...Array.from({ length: turns }, (_, i) => Math.min(listed.length, (i + 1) * RECORDS_PER_CALL)),
    listed.length,
  ]);
  // The queue (and the claim), the owner's scope, a page of deputies (stations, deputies, their stations), the progress; eight per record at most.
  for (const firing of firings.slice(0, turns)) expect(firing.databaseRequests).toBeLessThanOrEqual(8 + 8 * RECORDS_PER_CALL);
  expect(firings[turns]!.databaseRequests).toBe(2);
  const stored = (await database(t).collection(COLLECTIONS.exportJobs).doc(asked.job._id).get()).data[0] as ExportJobDocument;
  expect(stored).toMatchObject({ reads: turns, largestRead: RECORDS_PER_CALL, progress: { turns, rows: listed.length, allRead: true } });
  // The parts were temporary.
  await expect(cloud(t).downloadFile({ fileID: stored.progress!.parts[0]! })).rejects.toThrow();
  // Nothing more to do: one request a minute.
  const idle = await fireExports();
  expect(idle.result.data).toEqual({ job: null });
  expect(idle.databaseRequests).toBe(1);

  const { job } = ok(await t.call('casework.getExport', { jobId: asked.job._id }, { openid: jiangbei }));
  expect(job).toMatchObject({ kind: 'duty', status: 'done', caseCount: listed.length, fileName: '代表履职档案_本辖区_2025.xlsx' });
  expect(ok(await t.call('casework.listExports', {}, { openid: jiangbei })).jobs[0]).toMatchObject({ _id: job._id, kind: 'duty', status: 'done' });
  expect(ok(await t.call('duty.export', { year: 2025 }, { openid: jiangbei }))).toMatchObject({
    job: { _id: job._id, status: 'done', url: expect.stringMatching(/^https?:\/\//) },
  });

  const workbook = new Workbook();
  await workbook.xlsx.load((await (await fetch(job.url!)).arrayBuffer()) as never);
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['履职汇总', '履职明细']);
  const summary = workbook.getWorksheet('履职汇总')!.getSheetValues().slice(2) as unknown[][];
  expect(summary.map((row) => row[1]).sort()).toEqual(listed.map((deputy) => deputy.name).sort());
  const record = ok(await t.call('duty.getRecord', { year: 2025, deputyId: DEMO_DUTY_DEPUTY }, { openid: jiangbei }));
  expect(summary.find((row) => row[1] === record.deputyName)?.slice(1, 3)).toEqual([record.deputyName, record.score.total]);
  expect(record.entries.length).toBeGreaterThan(0);
  const entries = workbook.getWorksheet('履职明细')!.getSheetValues().slice(2) as unknown[][];
  expect(entries.filter((row) => row[1] === record.deputyName).map((row) => row[2])).toEqual(record.entries.map((entry) => entry.date));

  // This year's export of the same district is the published summary, made in the call.
  expect(exportedFile(ok(await t.call('duty.export', { year: 2026 }, { openid: jiangbei }))).deputyCount).toBe(listed.length);
}, 120_000);

test('a job whose owner is no longer staff fails with its reason; asking again once staff queues it afresh', async () => {
  const station = await staffOf(t, 'duty-jobs-linjiang', { role: 'station', stationId: 'st-linjiang' });
  const asked = ok(await t.call('duty.export', { year: 2025 }, { openid: station }));
  if (!('job' in asked)) throw new Error('expected a background job: the station has the deputies the first test added, more than one call works out');
  expect(ok(await t.call('admin.removeStaff', { accountId: station }, { openid: CITY_STAFF }))).toMatchObject({ removed: true });
  expect((await fireExports()).result.data).toEqual({ job: asked.job._id, status: 'failed' });
  const failed = (await database(t).collection(COLLECTIONS.exportJobs).doc(asked.job._id).get()).data[0] as ExportJobDocument;
  expect(failed).toMatchObject({ status: 'failed', fileID: null, failure: expect.any(String) });
  // No longer staff: no export, and no export list.
  expect(await t.call('duty.export', { year: 2025 }, { openid: station })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });

  await staffOf(t, station, { role: 'station', stationId: 'st-linjiang' });
  expect(ok(await t.call('casework.getExport', { jobId: asked.job._id }, { openid: station })).job).toMatchObject({ status: 'failed', url: null });
  expect(ok(await t.call('duty.export', { year: 2025 }, { openid: station }))).toMatchObject({ job: { _id: asked.job._id, status: 'queued', finishedAt: null } });
  for (let firing = await fireExports(), n = 0; firing.result.data.status === 'running' && n < 10; firing = await fireExports(), n += 1);
  expect(ok(await t.call('casework.getExport', { jobId: asked.job._id }, { openid: station })).job).toMatchObject({ status: 'done', url: expect.stringMatching(/^https?:\/\//) });
}, 120_000);
