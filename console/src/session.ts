import { reactive } from 'vue';
import type { Profile } from '../../miniprogram/shared/domain/account';
import { rememberCsrf } from './api';

/** Who is signed in to this tab: kept in sessionStorage so a reload stays signed in (the cookie holds the session). */
const PROFILE_KEY = 'lxq.console.profile';

export interface SignedIn {
  profile: Profile;
  staffName: string | null;
  expiresAt: string;
}

function stored(): SignedIn | null {
  try {
    return JSON.parse(sessionStorage.getItem(PROFILE_KEY) ?? 'null') as SignedIn | null;
  } catch {
    return null;
  }
}

export const session = reactive<{ current: SignedIn | null }>({ current: stored() });

export function signIn(csrfToken: string, who: SignedIn): void {
  rememberCsrf(csrfToken);
  sessionStorage.setItem(PROFILE_KEY, JSON.stringify(who));
  session.current = who;
}

export function signOut(): void {
  rememberCsrf(null);
  sessionStorage.removeItem(PROFILE_KEY);
  session.current = null;
}
