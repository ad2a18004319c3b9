import { COLLECTIONS } from '../../infra/database';
import { DEFAULT_PREFERENCES, type Preferences, type Profile, type Role } from '../../miniprogram/shared/domain/account';
import type { Database } from '../core/cloud';

/** An account is keyed by the caller's OPENID, which never leaves the back end. */
export interface AccountDocument {
  _id: string;
  roles?: Role[];
  preferences?: Partial<Preferences>;
  createdAt?: Date;
  updatedAt?: Date;
}

export function profileOf(account: AccountDocument | undefined): Profile {
  return {
    roles: account?.roles?.length ? account.roles : ['resident'],
    preferences: { ...DEFAULT_PREFERENCES, ...account?.preferences },
  };
}

export async function findAccount(db: Database, openid: string): Promise<AccountDocument | undefined> {
  const { data } = await db.collection(COLLECTIONS.accounts).where({ _id: openid }).limit(1).get();
  return (data as AccountDocument[])[0];
}
