/** A WeChat user's account: the roles they hold and how they like the app to look. */

export const FONT_SCALES = ['standard', 'large', 'extraLarge'] as const;
export type FontScale = (typeof FONT_SCALES)[number];

export interface Preferences {
  fontScale: FontScale;
}

/** Many residents are elderly: large text unless they choose otherwise. */
export const DEFAULT_PREFERENCES: Preferences = { fontScale: 'large' };

export type Role = 'resident' | 'deputy' | 'staff';

export interface Profile {
  roles: Role[];
  preferences: Preferences;
}
