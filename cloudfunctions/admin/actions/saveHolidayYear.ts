import { COLLECTIONS } from '../../../infra/database';
import { isDuplicateWrite } from '../../core/databaseErrors';
import { loadCaller, requireStaff } from '../../core/caller';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { holidayYearId, holidayYearView, type HolidayYearDocument } from '../../core/workingCalendar';

/**
 * An administrator records a year's holidays and 调休 working days as the State Council published
 * them, or corrects them. The whole year is replaced; every version stays in the document's history
 * with who saved it and when. Reception days planned from now on, and deadlines counted from now on,
 * follow it; deadlines counted while the year was unknown are recounted by the casework timer.
 * Two database requests (three for a year nobody recorded before).
 */
export const saveHolidayYear: Handler<'admin.saveHolidayYear'> = async ({ year, holidays }, ctx) => {
  const caller = await loadCaller(ctx);
  if (requireStaff(caller).role !== 'admin') fail('AUTH.FORBIDDEN');
  const { db, now } = ctx;
  const _ = db.command;
  const byName = caller.account?.staffName ?? undefined;
  const version = { at: now, by: caller.openid, ...(byName ? { byName } : {}), holidays };
  const fields = { year, holidays: _.set(holidays), updatedAt: now, updatedBy: caller.openid, updatedByName: byName ?? null };
  const _id = holidayYearId(year);
  const years = db.collection(COLLECTIONS.holidayYears);
  const replace = async () => (await years.where({ _id }).update({ ...fields, history: _.push([version]) })).updated;
  if ((await replace()) === 0) {
    const created: HolidayYearDocument = {
      _id,
      year,
      holidays,
      updatedAt: now,
      updatedBy: caller.openid,
      ...(byName ? { updatedByName: byName } : {}),
      createdAt: now,
      history: [version],
    };
    try {
      await years.add(created);
    } catch (error) {
      // Another administrator created it at the same moment: this save replaces theirs, both kept in the history.
      if (!isDuplicateWrite(error) || (await replace()) === 0) throw error;
    }
  }
  const { data } = await years.where({ _id }).limit(1).get();
  const saved = (data as HolidayYearDocument[])[0];
  const view = holidayYearView(year, saved);
  if (!view) throw new Error(`holiday year ${year} vanished after saving`);
  return { year: view };
};
