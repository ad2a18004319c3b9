import { COLLECTIONS } from '../../../infra/database';
import type { DayDocument } from '../../../infra/documents/booking';
import type { PayloadOf } from '../../../miniprogram/shared/contract';
import type { DutyExport, DutyExportFile } from '../../../miniprogram/shared/contract/duty';
import { addDays, shanghaiInstant } from '../../../miniprogram/shared/domain/time';
import { JIANGNAN_STAFF } from '../../support/people';
import { ok, type TestRuntime } from '../../support/runtime';
import { database } from './cloud';

/** duty.export's answer when it is the file made in the call (a background job instead fails the test). */
export function exportedFile(answer: DutyExport): DutyExportFile {
  if ('job' in answer) throw new Error(`duty.export queued job ${answer.job._id} where a file was expected`);
  return answer;
}

/** A staff account bound the way it happens for real: the city's administrator issues a code, the member enters it. */
export async function staffOf(t: TestRuntime, openid: string, scope: { role: 'station'; stationId: string } | { role: 'area'; areaId: string }): Promise<string> {
  const { code } = ok(await t.call('admin.issueStaffCode', { ...scope, name: '工作人员' }, { openid: 'demo-staff-city' }));
  ok(await t.call('account.bindStaff', { code }, { openid }));
  return openid;
}

/**
 * A reception day at 南湖 (st-nanhu) on `date` with these deputies on its roster, placed in the store
 * as a copy of a seeded 南湖 day (in place of any day already there): days in the past cannot be
 * added through the actions. Answers its id, `<idPrefix>-<date>`.
 */
export async function nanhuDayOn(t: TestRuntime, idPrefix: string, date: string, deputyIds: string[]): Promise<string> {
  const db = database(t);
  const { data } = await db.collection(COLLECTIONS.receptionDays).where({ stationId: 'st-nanhu' }).limit(1).get();
  const { _id: _ignored, ...rest } = data[0] as DayDocument;
  const _id = `${idPrefix}-${date}`;
  await db.collection(COLLECTIONS.receptionDays).where({ stationId: 'st-nanhu', date }).remove();
  await db
    .collection(COLLECTIONS.receptionDays)
    .doc(_id)
    .set({ ...rest, date, nominalDate: date, deputyIds, cancelled: false, createdAt: shanghaiInstant(date) });
  return _id;
}

/**
 * 江南区's 2026 述职评议 of 刘德明 (dp-005) before his constituents, opened by 江南区 staff on `today` for
 * ten days unless `fields` say otherwise. Answers its id.
 */
export async function openLiuReview(t: TestRuntime, clientRequestId: string, today: string, fields: Partial<PayloadOf<'duty.openReview'>> = {}): Promise<string> {
  const payload: PayloadOf<'duty.openReview'> = {
    clientRequestId,
    areaId: 'area-jiangnan',
    title: '2026年度代表向选民述职评议',
    year: 2026,
    deputyIds: ['dp-005'],
    opensOn: today,
    closesOn: addDays(today, 10),
    audience: 'constituents',
    ...fields,
  };
  return ok(await t.call('duty.openReview', payload, { openid: JIANGNAN_STAFF })).reviewId;
}
