import { COLLECTIONS } from '../../../infra/database';
import { DEPUTY_LEVEL_LABELS, type Deputy } from '../../../miniprogram/shared/domain/directory';
import type { DayDocument } from '../../../infra/documents/booking';
import { departmentCells, deputyCells, rosterCells, stationCells, type Cell } from '../../../miniprogram/shared/domain/directoryWorkbook';
import { SCHEDULE_HORIZON_MONTHS } from '../../../miniprogram/shared/domain/reception';
import { addMonths, shanghaiDate } from '../../../miniprogram/shared/domain/time';
import type { DepartmentDocument } from '../departments';
import type { Handler } from '../../core/handler';
import { writeWorkbook } from '../directoryWorkbook';
import { coversStation, loadStaff, type StationDocument } from '../staffScope';

/**
 * The template's example rows, one per sheet but the roster: what a filled-in row looks like, and a
 * sample that imports as it is into the caller's own area (a new station 示例 with its deputy and a
 * department), so a new staff member can try the whole import on it. The roster sheet has its
 * headers only: a roster row names a reception day that already exists, which no example can.
 */
function exampleRows(areaId: string): { station: Cell[]; deputy: Cell[]; department: Cell[] } {
  return {
    station: ['LJ99', '示例街道人大代表联络站', areaId, '示例路1号', 30.25, 120.17, '工作日 09:00–17:00', '0571-12345678', '每月15日 09:00–11:30', '在用'],
    deputy: ['D999', '张示例', DEPUTY_LEVEL_LABELS.county, '第一选区', '社区工作者', '长期从事社区工作。', 'LJ99', '在用'],
    department: [areaId, '示例承办单位', '在用'],
  };
}

/**
 * The directory workbook: with `template`, the headers and one example row per sheet; otherwise the
 * stations, deputies and departments (承办单位; area staff and administrators) in the caller's scope, and the duty
 * roster of their reception days from today to the schedule's horizon, in exactly the layout import reads (so an
 * export, edited, imports back).
 */
export const exportDirectory: Handler<'admin.exportDirectory'> = async ({ template }, ctx) => {
  const { scope } = await loadStaff(ctx);
  if (template) {
    const example = exampleRows(scope.areaId);
    const bytes = await writeWorkbook([example.station], [example.deputy], ctx.now, [example.department]);
    return { fileName: '联络站与代表导入模板.xlsx', workbook: bytes.toString('base64'), stations: 0, deputies: 0, departments: 0, rosterDays: 0 };
  }
  const { data: stationData } = await ctx.db.collection(COLLECTIONS.stations).orderBy('code', 'asc').limit(1000).get();
  const stations = (stationData as StationDocument[]).filter((s) => coversStation(scope, s)).sort((a, b) => a.code.localeCompare(b.code));
  const codeOf = new Map(stations.map((s) => [s._id, s.code]));
  const { data: deputyData } = await ctx.db
    .collection(COLLECTIONS.deputies)
    .where({ stationIds: ctx.db.command.in([...codeOf.keys()]) })
    .limit(1000)
    .get();
  const deputies = (deputyData as Deputy[]).sort((a, b) => a.code.localeCompare(b.code));
  // Station staff cover no area, so no department.
  const departments =
    scope.role === 'station'
      ? []
      : ((await ctx.db.collection(COLLECTIONS.departments).where({ areaPath: scope.areaId }).orderBy('areaId', 'asc').orderBy('name', 'asc').limit(1000).get())
          .data as DepartmentDocument[]);
  const today = shanghaiDate(ctx.now);
  const _ = ctx.db.command;
  const days = codeOf.size
    ? ((
        await ctx.db
          .collection(COLLECTIONS.receptionDays)
          .where({ stationId: _.in([...codeOf.keys()]), date: _.gte(today).and(_.lt(addMonths(today, SCHEDULE_HORIZON_MONTHS))), cancelled: false })
          .limit(1000)
          .get()
      ).data as DayDocument[])
    : [];
  const deputyCodeOf = new Map(deputies.map((d) => [d._id, d.code]));
  const roster = days
    .map((day) => ({ stationCode: codeOf.get(day.stationId) ?? day.stationCode, date: day.date, deputyCodes: day.deputyIds.map((id) => deputyCodeOf.get(id) ?? id) }))
    .sort((a, b) => a.stationCode.localeCompare(b.stationCode) || a.date.localeCompare(b.date));
  const bytes = await writeWorkbook(
    stations.map((s) => stationCells(s)),
    deputies.map((d) => deputyCells({ ...d, stationCodes: d.stationIds.map((id) => codeOf.get(id) ?? id) })),
    ctx.now,
    departments.map((d) => departmentCells(d)),
    roster.map((r) => rosterCells(r)),
  );
  return {
    fileName: '联络站与代表.xlsx',
    workbook: bytes.toString('base64'),
    stations: stations.length,
    deputies: deputies.length,
    departments: departments.length,
    rosterDays: roster.length,
  };
};
