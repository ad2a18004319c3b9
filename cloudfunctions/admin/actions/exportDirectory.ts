import { COLLECTIONS } from '../../../infra/database';
import type { Deputy } from '../../../miniprogram/shared/domain/directory';
import { departmentCells, deputyCells, stationCells, type Cell } from '../../../miniprogram/shared/domain/directoryWorkbook';
import type { DepartmentDocument } from '../departments';
import type { Handler } from '../../core/handler';
import { writeWorkbook } from '../directoryWorkbook';
import { coversStation, loadStaff, type StationDocument } from '../staffScope';

/** The template's example rows: what a filled-in row looks like. */
const EXAMPLE_STATION: Cell[] = [
  'LJ99',
  '示例街道人大代表联络站',
  'area-jiangnan',
  '江南区示例路1号',
  30.25,
  120.17,
  '工作日 09:00–17:00',
  '0571-12345678',
  '每月15日 09:00–11:30',
  '在用',
];
const EXAMPLE_DEPUTY: Cell[] = ['D999', '张示例', '区人大代表', '第一选区', '社区工作者', '长期从事社区工作。', 'LJ99', '在用'];
const EXAMPLE_DEPARTMENT: Cell[] = ['area-jiangnan', '江南区示例局', '在用'];

/**
 * The directory workbook: with `template`, the headers and one example row per sheet; otherwise the
 * stations, deputies and departments (承办单位; area staff and administrators) in the caller's scope, in exactly the layout import reads (so an export,
 * edited, imports back).
 */
export const exportDirectory: Handler<'admin.exportDirectory'> = async ({ template }, ctx) => {
  const { scope } = await loadStaff(ctx);
  if (template) {
    const bytes = await writeWorkbook([EXAMPLE_STATION], [EXAMPLE_DEPUTY], ctx.now, [EXAMPLE_DEPARTMENT]);
    return { fileName: '联络站与代表导入模板.xlsx', workbook: bytes.toString('base64'), stations: 0, deputies: 0, departments: 0 };
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
  const bytes = await writeWorkbook(
    stations.map((s) => stationCells(s)),
    deputies.map((d) => deputyCells({ ...d, stationCodes: d.stationIds.map((id) => codeOf.get(id) ?? id) })),
    ctx.now,
    departments.map((d) => departmentCells(d)),
  );
  return { fileName: '联络站与代表.xlsx', workbook: bytes.toString('base64'), stations: stations.length, deputies: deputies.length, departments: departments.length };
};
