/** A WeChat user's account: the roles they hold and how they like the app to look. */

export const FONT_SCALES = ['standard', 'large', 'extraLarge'] as const;
export type FontScale = (typeof FONT_SCALES)[number];

export interface Preferences {
  fontScale: FontScale;
}

/** Many residents are elderly: large text unless they choose otherwise. */
export const DEFAULT_PREFERENCES: Preferences = { fontScale: 'large' };

export type Role = 'resident' | 'deputy' | 'staff';

/**
 * What a staff member may act on. `station` staff work one station; `area` staff (the
 * congress's deputy-affairs office at a level) everything under their area; `admin` likewise
 * plus account administration. A `handler` works for one department (承办单位): they see and
 * answer only the cases assigned to it, and nothing else staff do.
 */
export const STAFF_ROLES = ['station', 'area', 'admin', 'handler'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const STAFF_ROLE_LABELS: Record<StaffRole, string> = {
  station: '联络站工作人员',
  area: '人大工作人员',
  admin: '管理员',
  handler: '承办单位经办人',
};

export interface StaffScope {
  role: StaffRole;
  /** The area the staff member works in: they see its whole subtree. A handler: their department's area. */
  areaId: string;
  /** For station staff: the one station. */
  stationId?: string;
  /** For handlers: their department. */
  departmentId?: string;
  departmentName?: string;
}

export interface Profile {
  roles: Role[];
  preferences: Preferences;
  /** Present when this WeChat account is bound to a deputy record. */
  deputy?: { deputyId: string; name: string };
  staff?: StaffScope;
  /** For congress staff: years reception days and deadlines reach into whose holidays nobody recorded. */
  holidaysMissingYears?: number[];
}
