import * as z from 'zod';
import type { StaffRole } from '../domain/account';
import { isBindingCode, normalizeBindingCode } from '../domain/bindingCode';
import { DEPUTY_LEVELS, type Deputy, type Station } from '../domain/directory';
import type { RowError } from '../domain/directoryWorkbook';
import { holidayYearProblem, type HolidayPeriod } from '../domain/holidays';
import { POSTER_LAYOUTS, POSTER_MAX_TARGETS } from '../domain/poster';
import { DEPUTY_CODE_PATTERN, STATION_CODE_PATTERN, SCENE_KINDS } from '../domain/scene';
import { action, namespaced } from './define';
import { calendarDate, clientRequestId, docId, lineText, paragraphText } from './fields';

const label = (max: number) =>
  lineText()
    .max(max)
    .refine((text) => text.length > 0, { message: '必填' });
const note = (max: number) => paragraphText().max(max);

export const saveStationPayload = z.strictObject({
  /** Absent: create a station. Present: replace that station's fields. */
  stationId: docId.optional(),
  code: z.string().trim().toUpperCase().regex(STATION_CODE_PATTERN, '编号为2–8位大写字母或数字，如 LJ01'),
  name: label(40),
  areaId: docId,
  /**
   * 跨区域联络站: other areas (of neighbouring congresses) the station also belongs to. Absent when
   * editing: the station keeps the areas it shares; [] makes it an ordinary station again.
   */
  sharedAreaIds: z.array(docId).max(5).optional(),
  address: label(120),
  location: z.strictObject({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) }),
  openingHours: note(60),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\-() ]{0,20}$/, '电话只能包含数字和 - ( ) +'),
  receptionNote: note(120),
  /** false retires the station: it leaves lists and its QR codes stop opening it. */
  active: z.boolean(),
});

export const saveDeputyPayload = z.strictObject({
  /** Absent: create a deputy. Present: replace that deputy's fields. */
  deputyId: docId.optional(),
  code: z.string().trim().toUpperCase().regex(DEPUTY_CODE_PATTERN, '编号为2–12位大写字母或数字，如 D001'),
  name: label(20),
  level: z.enum(DEPUTY_LEVELS),
  constituency: label(40),
  occupation: note(60),
  profile: note(500),
  /** A cloud fileID or an https URL; empty shows the default portrait. */
  photoUrl: z.union([
    z.literal(''),
    z
      .string()
      .max(512)
      .regex(/^(cloud|https):\/\/\S+$/, '照片地址格式不正确'),
  ]),
  /** The stations they receive at, the first one handling opinions left for them. */
  stationIds: z
    .array(docId)
    .max(5)
    .refine((ids) => ids.length > 0, { message: '请至少选择一个联络站' }),
  /** false retires the deputy: they leave lists and their QR codes stop opening them. */
  active: z.boolean(),
});

const bindingCode = z.string().max(32).transform(normalizeBindingCode).refine(isBindingCode, { message: '绑定码是8位字母和数字' });

export interface IssuedBindingCode {
  code: string;
  deputyId: string;
  deputyName: string;
  /** ISO 8601; the code works once, until then. */
  expiresAt: string;
}

export interface QrCodeFile {
  scene: string;
  fileID: string;
  /** A temporary HTTPS URL of the PNG, to show or download. */
  url: string;
}

/** A department (承办单位) of an area, to which staff assign cases. */
export interface Department {
  _id: string;
  name: string;
  areaId: string;
  active: boolean;
}

export const saveDepartmentPayload = z
  .strictObject({
    /** Absent: create a department. Present: replace that department's fields. */
    departmentId: docId.optional(),
    /** Required to create (one per form, sent again on every retry: a retry answers the department it made); ignored on edits. */
    clientRequestId: clientRequestId.optional(),
    name: label(40),
    areaId: docId,
    /** false retires it: no new cases are assigned to it; its handlers still see their cases. */
    active: z.boolean(),
  })
  .refine((payload) => payload.departmentId !== undefined || payload.clientRequestId !== undefined, {
    message: '新建承办单位需要请求编号',
    path: ['clientRequestId'],
  });

const personName = label(20);

/** Who a staff binding code makes its user: the role and where it applies. */
export const issueStaffCodePayload = z.discriminatedUnion('role', [
  z.strictObject({ role: z.literal('station'), stationId: docId, name: personName }),
  z.strictObject({ role: z.literal('area'), areaId: docId, name: personName }),
  z.strictObject({ role: z.literal('admin'), areaId: docId, name: personName }),
  z.strictObject({ role: z.literal('handler'), departmentId: docId, name: personName }),
]);

export interface IssuedStaffCode {
  code: string;
  role: StaffRole;
  roleLabel: string;
  /** The station, area or department the account will work for. */
  placeName: string;
  /** The person the code is for. */
  name: string;
  /** ISO 8601; the code works once, until then. */
  expiresAt: string;
}

export interface StaffMember {
  /** The account (its WeChat identity), to remove the role with. */
  accountId: string;
  name: string;
  role: StaffRole;
  roleLabel: string;
  areaId: string;
  stationId?: string;
  departmentId?: string;
  departmentName?: string;
  boundAt: string | null;
}

/** A year's holiday arrangement as the State Council's notice gives it, entered by an administrator. */
export const saveHolidayYearPayload = z
  .strictObject({
    year: z.number().int().min(2000).max(2100),
    holidays: z
      .array(z.strictObject({ name: label(10), from: calendarDate, to: calendarDate, workdays: z.array(calendarDate).max(4) }))
      .max(12)
      .refine((holidays) => holidays.length > 0, { message: '请至少填写一个节假日' }),
  })
  .superRefine((entry, ctx) => {
    const problem = holidayYearProblem(entry);
    if (problem) ctx.addIssue({ code: 'custom', path: ['holidays'], message: problem });
  });

/** An uploaded workbook of at most 2 MB, base64. */
export const WORKBOOK_MAX_BASE64 = Math.ceil((2 * 1024 * 1024) / 3) * 4;

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface DirectoryImport {
  /** Every problem found, by sheet and row; empty when the workbook can be imported. */
  errors: RowError[];
  stations: ImportCounts;
  deputies: ImportCounts;
  departments: ImportCounts;
  /** Reception days whose roster (值班代表) the 值班表 sheet sets; rows only name days that exist, so none is created. */
  roster: ImportCounts;
  /** Whether the rows were written (asked for, and no problem at all). */
  applied: boolean;
}

export interface DirectoryWorkbook {
  fileName: string;
  /** The .xlsx, base64. */
  workbook: string;
  stations: number;
  deputies: number;
  departments: number;
  /** Upcoming reception days in the 值班表 sheet. */
  rosterDays: number;
}

/** A print-ready PDF of posters or cards. */
export interface PosterSheet {
  fileName: string;
  /** The PDF, base64. */
  pdf: string;
  pages: number;
}

/** A year of the holiday calendar: from the holiday package, or recorded by staff. */
export interface HolidayYearView {
  year: number;
  source: 'package' | 'staff';
  holidays: HolidayPeriod[];
  /** When and by whom staff last recorded it; null for the package's years. */
  updatedAt: string | null;
  updatedByName: string | null;
  /** How many times staff have saved it (each kept in its history). */
  revisions: number;
}

export const adminActions = namespaced('admin', {
  saveStation: action<{ station: Station }>()(saveStationPayload),
  saveDeputy: action<{ deputy: Deputy }>()(saveDeputyPayload),
  issueBindingCode: action<IssuedBindingCode>()(z.strictObject({ deputyId: docId })),
  revokeBindingCode: action<{ code: string; deputyId: string; revokedAt: string }>()(z.strictObject({ code: bindingCode })),
  unbindDeputy: action<{ deputyId: string; unboundAccounts: number }>()(z.strictObject({ deputyId: docId })),
  createQrCode: action<QrCodeFile>()(z.strictObject({ kind: z.enum(SCENE_KINDS), id: docId })),
  saveDepartment: action<{ department: Department }>()(saveDepartmentPayload),
  /** Departments of an area's subtree (default: the caller's area). */
  listDepartments: action<{ departments: Department[] }>()(z.strictObject({ areaId: docId.optional(), includeInactive: z.boolean().optional() })),
  /** Administrators: a one-time code that makes its user a staff member or a department's handler. */
  issueStaffCode: action<IssuedStaffCode>()(issueStaffCodePayload),
  listStaff: action<{ staff: StaffMember[] }>()(z.strictObject({ areaId: docId.optional() })),
  removeStaff: action<{ accountId: string; removed: boolean }>()(z.strictObject({ accountId: docId })),
  /**
   * Any staff: the holiday calendar around now — last year to next — and the years that reception
   * days and deadlines reach into that nobody has recorded. Administrators may edit.
   */
  listHolidayYears: action<{ years: HolidayYearView[]; missingYears: number[]; canEdit: boolean }>()(z.strictObject({})),
  /** Administrators: record (or correct) a year's holidays and 调休 working days. */
  saveHolidayYear: action<{ year: HolidayYearView }>()(saveHolidayYearPayload),
  /** Staff: stations, deputies, departments and the duty roster from the workbook they keep; a preview lists every row's problems, `apply` writes all or nothing. */
  importDirectory: action<DirectoryImport>()(
    z.strictObject({
      workbook: z
        .string()
        .max(WORKBOOK_MAX_BASE64)
        .regex(/^[A-Za-z0-9+/=]+$/),
      apply: z.boolean(),
    }),
  ),
  /** Staff: the directory workbook of their scope, or the template (its example rows a sample that imports into the caller's area), in the import layout. */
  exportDirectory: action<DirectoryWorkbook>()(z.strictObject({ template: z.boolean().optional() })),
  /** Staff: an A4 PDF of QR posters (one per station or deputy) or of cut-out cards, each with its mini-program code. */
  printPosters: action<PosterSheet>()(
    z.strictObject({
      kind: z.enum(SCENE_KINDS),
      ids: z
        .array(docId)
        .min(1, '请至少选择一个')
        .max(POSTER_MAX_TARGETS, `一次最多打印${POSTER_MAX_TARGETS}个`)
        .refine((ids) => new Set(ids).size === ids.length, { message: '有重复的选择' }),
      layout: z.enum(POSTER_LAYOUTS),
    }),
  ),
});
