/**
 * Who this WeChat account is to the app (resident, deputy, staff), remembered on the phone so
 * the home page shows the right entries at once, even offline, and refreshed from the account.
 */
import type { ProfileWithUnread } from '../shared/contract/account';
import type { Profile, StaffRole, StaffScope } from '../shared/domain/account';
import { callApi } from '../services/api';
import { readStorage, writeStorage } from '../services/wx';

export const PROFILE_STORAGE_KEY = 'account.profile';

export interface RoleEntries {
  /** The deputy this account is bound to, or '' for everyone else. */
  deputyName: string;
  isStaff: boolean;
  /** Department handlers (承办单位) answer cases and do nothing else staff do. */
  isHandler: boolean;
  /** For congress staff: `2027年节假日安排尚未录入…`, or ''. */
  holidayNotice: string;
}

export const NO_ROLES: RoleEntries = { deputyName: '', isStaff: false, isHandler: false, holidayNotice: '' };

/** What staff are told on the home page when coming years have no holidays recorded. */
export function holidayNoticeFor(years: readonly number[] | undefined): string {
  return years && years.length > 0 ? `${years.join('、')}年节假日安排尚未录入，接待日和办理期限暂按双休日计算。点此查看` : '';
}

export function roleEntries(profile: Pick<Profile, 'deputy' | 'staff' | 'holidaysMissingYears'> | undefined): RoleEntries {
  const role: StaffRole | undefined = profile?.staff?.role;
  const isStaff = !!role && role !== 'handler';
  return { deputyName: profile?.deputy?.name ?? '', isStaff, isHandler: role === 'handler', holidayNotice: isStaff ? holidayNoticeFor(profile?.holidaysMissingYears) : '' };
}

export function rememberedRoles(): RoleEntries {
  const stored = readStorage(PROFILE_STORAGE_KEY) as Partial<Profile> | undefined;
  return typeof stored === 'object' && stored !== null ? roleEntries(stored) : NO_ROLES;
}

/** After binding, or any answer that carries the profile. */
export function rememberProfile(profile: Profile): void {
  writeStorage(PROFILE_STORAGE_KEY, { roles: profile.roles, deputy: profile.deputy, staff: profile.staff, holidaysMissingYears: profile.holidaysMissingYears });
}

/** An ask of the account started at launch, for the first screen to share instead of asking again. */
let launchAsk: Promise<ProfileWithUnread> | undefined;

function askAccount(): Promise<ProfileWithUnread> {
  return callApi('account.getProfile', {}).then((profile) => {
    rememberProfile(profile);
    return profile;
  });
}

/** At launch (the font size sync): asks the account once; the home page's first refresh takes the same answer. */
export function profileAtLaunch(): Promise<ProfileWithUnread> {
  launchAsk ??= askAccount();
  return launchAsk;
}

/** What one ask of the account gives home: the role entries and the 我的消息 badge. */
export interface AccountEntries {
  roles: RoleEntries;
  unread: number;
}

/** Asks the account (or takes the ask launch started); rejects with an ApiError, leaving what the phone remembers as it was. */
export async function refreshAccount(): Promise<AccountEntries> {
  const shared = launchAsk;
  launchAsk = undefined;
  const profile = await (shared ?? askAccount());
  return { roles: roleEntries(profile), unread: profile.unread };
}

/**
 * The staff member's scope as the phone holds it (remembered from the last answer that carried the
 * profile); asked of the account only when the phone holds none. The server checks the scope on
 * every action, so a scope changed meanwhile refuses rather than leaks.
 */
export async function heldStaffScope(): Promise<StaffScope | null> {
  const stored = readStorage(PROFILE_STORAGE_KEY) as Partial<Profile> | undefined;
  if (typeof stored === 'object' && stored !== null && Array.isArray(stored.roles)) return stored.staff ?? null;
  return (await askAccount()).staff ?? null;
}
