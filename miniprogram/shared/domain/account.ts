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
 * plus account administration. Department handlers arrive with the oversight issue.
 */
export const STAFF_ROLES = ['station', 'area', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface StaffScope {
  role: StaffRole;
  /** The area the staff member works in: they see its whole subtree. */
  areaId: string;
  /** For station staff: the one station. */
  stationId?: string;
}

export interface Profile {
  roles: Role[];
  preferences: Preferences;
  /** Present when this WeChat account is bound to a deputy record. */
  deputy?: { deputyId: string; name: string };
  staff?: StaffScope;
}
