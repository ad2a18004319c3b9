import { COLLECTIONS } from '../../infra/database';
import { DEFAULT_PREFERENCES, type Preferences, type Profile, type Role, type StaffScope } from '../../miniprogram/shared/domain/account';
import type { Database } from './cloud';

/** An account is keyed by the caller's OPENID, which never leaves the back end. */
export interface AccountDocument {
  _id: string;
  roles?: Role[];
  preferences?: Partial<Preferences>;
  /** Set when the account is bound to a deputy record (by a one-time binding code). */
  deputy?: { deputyId: string; name: string } | null;
  staff?: StaffScope | null;
  /** The staff member's own name, from the staff code they bound with (kept with the record of what they did). */
  staffName?: string | null;
  staffBoundAt?: Date | null;
  createdAt?: Date;
  updatedAt?: Date;
}

export function profileOf(account: AccountDocument | undefined): Profile {
  const profile: Profile = {
    roles: account?.roles?.length ? account.roles : ['resident'],
    preferences: { ...DEFAULT_PREFERENCES, ...account?.preferences },
  };
  if (account?.deputy) profile.deputy = account.deputy;
  if (account?.staff) profile.staff = account.staff;
  return profile;
}

export async function findAccount(db: Database, openid: string): Promise<AccountDocument | undefined> {
  const { data } = await db.collection(COLLECTIONS.accounts).where({ _id: openid }).limit(1).get();
  return (data as AccountDocument[])[0];
}
