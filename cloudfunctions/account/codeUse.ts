import { COLLECTIONS } from '../../infra/database';
import type { AccountDocument } from '../core/accounts';
import type { Database } from '../core/cloud';
import { isDuplicateWrite } from '../core/databaseErrors';

/** How long after a code was consumed a copy of the same request may still finish the binding. */
export const RACING_COPY_WINDOW_MS = 120_000;

const time = (value: Date | string | null | undefined): number => (value ? new Date(value).getTime() : Number.NaN);

/**
 * A copy of this same bind (the same account, the same code, sent twice at once) consumed the code
 * and its account write has not landed yet: the code was used by this account moments ago, and the
 * account has not changed since. An account unbound, removed or deleted after using the code was
 * written after the use (or long after it), so an old code never binds it again.
 */
export function racingCopyUsed(use: { usedAt: Date | null; usedBy: string | null }, openid: string, account: AccountDocument | undefined, now: Date): boolean {
  const usedAt = time(use.usedAt);
  if (use.usedBy !== openid || !(now.getTime() - usedAt <= RACING_COPY_WINDOW_MS)) return false;
  const touched = time(account?.updatedAt);
  return !account || !(touched > usedAt);
}

/** After a lost conditional consume: did this account consume the code meanwhile (a racing copy)? One request. */
export async function consumedBy(db: Database, collection: string, code: string, openid: string): Promise<boolean> {
  const { data } = await db.collection(collection).where({ _id: code, usedBy: openid }).limit(1).get();
  return data.length > 0;
}

/**
 * Writes the bound account: `update` onto the stored account, or `created` when there was none —
 * and when a racing copy created it first, the same update onto that. One request (two then).
 */
export async function saveBoundAccount(db: Database, openid: string, existed: boolean, created: AccountDocument, update: Record<string, unknown>): Promise<void> {
  const accounts = db.collection(COLLECTIONS.accounts);
  if (existed) {
    await accounts.doc(openid).update(update);
    return;
  }
  try {
    await accounts.add(created);
  } catch (error) {
    if (!isDuplicateWrite(error)) throw error;
    await accounts.doc(openid).update(update);
  }
}
