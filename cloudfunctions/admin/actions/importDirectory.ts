import { COLLECTIONS } from '../../../infra/database';
import type { Area, Deputy } from '../../../miniprogram/shared/domain/directory';
import {
  DEPARTMENTS_SHEET,
  DEPUTIES_SHEET,
  readDepartments,
  readDeputies,
  readRoster,
  readStations,
  ROSTER_SHEET,
  STATIONS_SHEET,
  type DeputyRow,
  type RowError,
  type StationRow,
} from '../../../miniprogram/shared/domain/directoryWorkbook';
import type { DayDocument } from '../../../infra/documents/booking';
import { retryDocumentId } from '../../../infra/documents/requestIds';
import { stationPosition } from '../../../infra/documents/stationPosition';
import { shanghaiDate } from '../../../miniprogram/shared/domain/time';
import type { DepartmentDocument } from '../departments';
import { settleDay, visitsChanging } from '../../core/visitCounters';
import { scopeCovers } from '../../core/caller';
import { fail } from '../../core/errors';
import { findAmong } from '../../core/reads';
import type { Handler } from '../../core/handler';
import { readWorkbook } from '../directoryWorkbook';
import { coversStation, loadStaff, type StationDocument } from '../staffScope';

const STATION_FIELDS = ['name', 'areaId', 'address', 'location', 'openingHours', 'phone', 'receptionNote', 'active'] as const;
const DEPUTY_FIELDS = ['name', 'level', 'constituency', 'occupation', 'profile', 'stationIds', 'active'] as const;

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Stations, deputies, departments (承办单位) and the duty roster (值班表: who is on duty on a reception
 * day) from the workbook staff keep (台账). Every row is checked first — its cells,
 * then against the directory and the caller's scope — and every problem is listed with its sheet,
 * row, column and what is wrong, in Chinese. With `apply` and no problem at all, the rows are
 * written, keyed by their codes (stations first, so deputies may name stations of the same
 * workbook): a row equal to what is stored writes nothing, so importing the same workbook again
 * changes nothing. With any problem nothing is written.
 */
export const importDirectory: Handler<'admin.importDirectory'> = async ({ workbook, apply }, ctx) => {
  const { scope } = await loadStaff(ctx);
  const sheets = await readWorkbook(Buffer.from(workbook, 'base64'));
  if (!sheets) fail('ADMIN.WORKBOOK_UNREADABLE');
  const errors: RowError[] = [];
  const stationRows = readStations(sheets.stations, errors);
  const deputyRows = readDeputies(sheets.deputies, errors);
  const departmentRows = readDepartments(sheets.departments, errors);
  const rosterRows = readRoster(sheets.roster, errors);
  if (stationRows.length + deputyRows.length + departmentRows.length + rosterRows.length === 0 && errors.length === 0) fail('ADMIN.WORKBOOK_EMPTY');

  const { db, now } = ctx;
  const _ = db.command;
  const areaIds = [...new Set([...stationRows.map((s) => s.areaId), ...departmentRows.map((d) => d.areaId)])];
  const departmentAreaIds = [...new Set(departmentRows.map((d) => d.areaId))];
  const stationCodes = [...new Set([...stationRows.map((s) => s.code), ...deputyRows.flatMap((d) => d.stationCodes), ...rosterRows.map((r) => r.stationCode)])];
  const deputyCodes = [...new Set([...deputyRows.map((d) => d.code), ...rosterRows.flatMap((r) => r.deputyCodes)])];
  const [areaDocs, stationDocs, deputyDocs, departmentDocs] = await Promise.all([
    findAmong<Area>(db, COLLECTIONS.areas, '_id', areaIds),
    findAmong<StationDocument>(db, COLLECTIONS.stations, 'code', stationCodes),
    findAmong<Deputy>(db, COLLECTIONS.deputies, 'code', deputyCodes),
    findAmong<DepartmentDocument>(db, COLLECTIONS.departments, 'areaId', departmentAreaIds),
  ]);
  const areas = new Map(areaDocs.map((a) => [a._id, a]));
  const stored = new Map(stationDocs.map((s) => [s.code, s]));
  const storedDeputies = new Map(deputyDocs.map((d) => [d.code, d]));

  // What each station of the workbook will be, with its place, checked against the caller's scope.
  const planned = new Map<string, { row: StationRow; areaPath: string[] }>();
  for (const row of stationRows) {
    const area = areas.get(row.areaId);
    const existing = stored.get(row.code);
    if (!area) errors.push({ sheet: '联络站', row: row.row, column: '区域编号', message: `没有编号为 ${row.areaId} 的区域` });
    else if (existing && !coversStation(scope, existing)) errors.push({ sheet: '联络站', row: row.row, column: '编号', message: '该联络站不在您的管理范围内' });
    else if (!scopeCovers(scope, { areaPath: area.path, ...(existing ? { stationId: existing._id } : {}) }))
      errors.push({ sheet: '联络站', row: row.row, column: '区域编号', message: '该区域不在您的管理范围内' });
    else if (existing?.sharedAreaIds?.length && existing.areaId !== area._id)
      errors.push({ sheet: '联络站', row: row.row, column: '区域编号', message: '跨区域联络站请在联络站编辑页更改所属区域' });
    // A joint station keeps the areas it shares (the workbook has no column for them).
    else planned.set(row.code, { row, areaPath: existing?.sharedAreaIds?.length ? existing.areaPath : area.path });
  }
  const placeOf = (code: string) => {
    const plan = planned.get(code);
    if (plan) return { _id: stored.get(code)?._id ?? '', areaPath: plan.areaPath };
    return stored.get(code);
  };
  for (const row of deputyRows) {
    const missing = row.stationCodes.filter((code) => !placeOf(code));
    if (missing.length) errors.push({ sheet: '代表', row: row.row, column: '联络站编号', message: `没有编号为 ${missing.join('、')} 的联络站` });
    else if (!row.stationCodes.every((code) => coversStation(scope, placeOf(code) as StationDocument)))
      errors.push({ sheet: '代表', row: row.row, column: '联络站编号', message: '有联络站不在您的管理范围内' });
  }

  // Departments are known by area and name: a row names one (created when new) and sets whether it is in use.
  const storedDepartments = new Map(departmentDocs.map((d) => [`${d.areaId}\n${d.name}`, d]));
  for (const row of departmentRows) {
    const area = areas.get(row.areaId);
    if (!area) errors.push({ sheet: DEPARTMENTS_SHEET, row: row.row, column: '区域编号', message: `没有编号为 ${row.areaId} 的区域` });
    else if (!scopeCovers(scope, { areaPath: area.path })) errors.push({ sheet: DEPARTMENTS_SHEET, row: row.row, column: '区域编号', message: '该区域不在您的管理范围内' });
  }

  const counts = {
    stations: { created: 0, updated: 0, unchanged: 0 },
    deputies: { created: 0, updated: 0, unchanged: 0 },
    departments: { created: 0, updated: 0, unchanged: 0 },
  };
  const departmentChanges = departmentRows.map((row) => {
    const existing = storedDepartments.get(`${row.areaId}\n${row.name}`);
    const kind = !existing ? 'created' : existing.active === row.active ? 'unchanged' : 'updated';
    counts.departments[kind] += 1;
    return { row, existing, kind } as const;
  });
  const stationChanges = stationRows.map((row) => {
    const existing = stored.get(row.code);
    const fields = {
      name: row.name,
      areaId: row.areaId,
      address: row.address,
      location: row.location,
      openingHours: row.openingHours,
      phone: row.phone,
      receptionNote: row.receptionNote,
      active: row.active,
    };
    const kind = !existing ? 'created' : STATION_FIELDS.every((f) => same(existing[f], fields[f])) ? 'unchanged' : 'updated';
    counts.stations[kind] += 1;
    return { row, existing, fields, kind };
  });
  const deputyChange = (row: DeputyRow, stationIds: string[]) => {
    const existing = storedDeputies.get(row.code);
    const fields = { name: row.name, level: row.level, constituency: row.constituency, occupation: row.occupation, profile: row.profile, stationIds, active: row.active };
    const kind = !existing ? 'created' : DEPUTY_FIELDS.every((f) => same(existing[f], fields[f])) ? 'unchanged' : 'updated';
    return { existing, fields, kind } as const;
  };
  for (const row of deputyRows)
    counts.deputies[
      deputyChange(
        row,
        row.stationCodes.map((code) => stored.get(code)?._id ?? `new:${code}`),
      ).kind
    ] += 1;

  // The roster names reception days that exist (staff add days in the calendar), of stations already stored.
  const rosterStationIds = [...new Set(rosterRows.map((r) => stored.get(r.stationCode)?._id).filter((id): id is string => Boolean(id)))];
  const rosterDates = [...new Set(rosterRows.map((r) => r.date))];
  const dayRes =
    rosterStationIds.length && rosterDates.length
      ? await db
          .collection(COLLECTIONS.receptionDays)
          .where({ stationId: _.in(rosterStationIds), date: _.in(rosterDates) })
          .limit(1000)
          .get()
      : { data: [] };
  const storedDays = new Map((dayRes.data as DayDocument[]).map((d) => [`${d.stationId} ${d.date}`, d]));
  const deputyRowsByCode = new Map(deputyRows.map((d) => [d.code, d]));
  const today = shanghaiDate(now);
  const rosterChanges: Array<{ row: (typeof rosterRows)[number]; day: DayDocument }> = [];
  for (const row of rosterRows) {
    const problem = (column: string, message: string) => errors.push({ sheet: ROSTER_SHEET, row: row.row, column, message });
    const station = stored.get(row.stationCode);
    if (!station) {
      problem('联络站编号', planned.has(row.stationCode) ? '新联络站还没有接待日，请导入联络站后在接待日历中添加接待日，再导入值班表' : `没有编号为 ${row.stationCode} 的联络站`);
      continue;
    }
    if (!coversStation(scope, station)) {
      problem('联络站编号', '该联络站不在您的管理范围内');
      continue;
    }
    const day = storedDays.get(`${station._id} ${row.date}`);
    if (row.date < today) problem('日期', '这一天已经过去，不能再安排值班');
    else if (!day || day.cancelled) problem('日期', `${station.name}这一天没有接待日，请先在接待日历中添加`);
    // A deputy on duty must be in use and receive at the station, as the workbook leaves them.
    const unknown: string[] = [];
    const inactive: string[] = [];
    const elsewhere: string[] = [];
    for (const code of row.deputyCodes) {
      const inWorkbook = deputyRowsByCode.get(code);
      const existing = storedDeputies.get(code);
      if (!inWorkbook && !existing) unknown.push(code);
      else if (!(inWorkbook ? inWorkbook.active : existing?.active)) inactive.push(code);
      else if (!(inWorkbook ? inWorkbook.stationCodes.includes(row.stationCode) : existing?.stationIds.includes(station._id))) elsewhere.push(code);
    }
    if (unknown.length) problem('值班代表编号', `没有编号为 ${unknown.join('、')} 的代表`);
    if (inactive.length) problem('值班代表编号', `${inactive.join('、')} 已停用，不能安排值班`);
    if (elsewhere.length) problem('值班代表编号', `${elsewhere.join('、')} 不在${station.name}接待，请先在代表表中填上该联络站`);
    if (day && !day.cancelled && row.date >= today && unknown.length + inactive.length + elsewhere.length === 0) rosterChanges.push({ row, day });
  }
  const rosterCounts = { created: 0, updated: 0, unchanged: 0 };
  const rosterIdsOf = (row: (typeof rosterRows)[number]) => row.deputyCodes.map((code) => storedDeputies.get(code)?._id ?? `new:${code}`);
  for (const { row, day } of rosterChanges) rosterCounts[same([...day.deputyIds].sort(), [...rosterIdsOf(row)].sort()) ? 'unchanged' : 'updated'] += 1;

  const sheetOrder = [STATIONS_SHEET, DEPUTIES_SHEET, DEPARTMENTS_SHEET, ROSTER_SHEET];
  errors.sort((a, b) => sheetOrder.indexOf(a.sheet) - sheetOrder.indexOf(b.sheet) || a.row - b.row);
  if (!apply || errors.length > 0) return { errors, ...counts, roster: rosterCounts, applied: false };

  const stations = db.collection(COLLECTIONS.stations);
  for (const change of stationChanges) {
    const areaPath = planned.get(change.row.code)?.areaPath ?? [];
    if (change.kind === 'updated' && change.existing) {
      await stations.doc(change.existing._id).update({
        ...change.fields,
        location: _.set(change.fields.location),
        areaPath: _.set(areaPath),
        position: _.set(stationPosition(change.fields.location)),
        updatedAt: now,
      });
    } else if (change.kind === 'created') {
      const { id } = (await stations.add({
        code: change.row.code,
        ...change.fields,
        areaPath,
        position: stationPosition(change.fields.location),
        createdAt: now,
        updatedAt: now,
      })) as {
        id: string;
      };
      stored.set(change.row.code, { _id: id, code: change.row.code, ...change.fields, areaPath } as StationDocument);
    }
  }
  const deputies = db.collection(COLLECTIONS.deputies);
  for (const row of deputyRows) {
    const change = deputyChange(
      row,
      row.stationCodes.map((code) => stored.get(code)?._id ?? ''),
    );
    if (change.kind === 'updated' && change.existing) {
      await deputies.doc(change.existing._id).update({ ...change.fields, stationIds: _.set(change.fields.stationIds), updatedAt: now });
      if (change.existing.name !== row.name)
        await db
          .collection(COLLECTIONS.accounts)
          .where({ 'deputy.deputyId': change.existing._id })
          .update({ deputy: { name: row.name }, updatedAt: now });
    } else if (change.kind === 'created') {
      const { id } = (await deputies.add({ code: row.code, ...change.fields, photoUrl: '', createdAt: now, updatedAt: now })) as { id: string };
      storedDeputies.set(row.code, { _id: id, code: row.code, ...change.fields } as Deputy);
    }
  }
  const departments = db.collection(COLLECTIONS.departments);
  for (const change of departmentChanges) {
    if (change.kind === 'updated' && change.existing) await departments.doc(change.existing._id).update({ active: change.row.active, updatedAt: now });
    else if (change.kind === 'created') {
      const area = areas.get(change.row.areaId) as Area;
      const created: DepartmentDocument = {
        // Derived from area and name: two imports racing land on one department.
        _id: retryDocumentId('department-import', change.row.areaId, change.row.name),
        name: change.row.name,
        areaId: change.row.areaId,
        areaPath: area.path,
        active: change.row.active,
        createdAt: now,
        updatedAt: now,
      };
      await departments.add(created);
    }
  }
  const days = db.collection(COLLECTIONS.receptionDays);
  for (const { row, day } of rosterChanges) {
    const deputyIds = rosterIdsOf(row);
    if (same([...day.deputyIds].sort(), [...deputyIds].sort())) continue;
    // The roster decides whose figures the day's visits count in (core/visitCounters.ts).
    await days.doc(day._id).update({ deputyIds: _.set(deputyIds), updatedAt: now, ...visitsChanging(db) });
    await settleDay(db, day._id);
  }
  return { errors: [], ...counts, roster: rosterCounts, applied: true };
};
