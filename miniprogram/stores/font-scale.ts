/**
 * The resident's font size: applied at once on this phone, remembered on it (so the next
 * launch starts in the right size, even offline) and saved to their account.
 *
 * The account is the source of truth when reachable. A choice the account has not taken yet
 * (the save failed on a weak network) is kept as "unsynced" and pushed at the next launch,
 * instead of being overwritten by the account's older value.
 */
import { DEFAULT_PREFERENCES, FONT_SCALES, type FontScale } from '../shared/domain/account';
import { callApi } from '../services/api';
import { readStorage, writeStorage } from '../services/wx';
import { profileAtLaunch } from './profile';

export const FONT_SCALE_STORAGE_KEY = 'preferences.fontScale';

interface StoredFontScale {
  fontScale: FontScale;
  synced: boolean;
}

type Listener = (scale: FontScale) => void;

const listeners = new Set<Listener>();
let current: FontScale | undefined;
/** Counts the resident's choices, so a slow answer from the account never undoes a newer one. */
let choices = 0;

function stored(): StoredFontScale | undefined {
  const value = readStorage(FONT_SCALE_STORAGE_KEY) as Partial<StoredFontScale> | undefined;
  if (!value || !FONT_SCALES.includes(value.fontScale as FontScale)) return undefined;
  return { fontScale: value.fontScale as FontScale, synced: value.synced === true };
}

function apply(scale: FontScale, synced: boolean): void {
  const record: StoredFontScale = { fontScale: scale, synced };
  writeStorage(FONT_SCALE_STORAGE_KEY, record);
  if (scale === current) return;
  current = scale;
  for (const listener of listeners) listener(scale);
}

export function currentFontScale(): FontScale {
  current ??= stored()?.fontScale ?? DEFAULT_PREFERENCES.fontScale;
  return current;
}

/** Calls `listener` on every change; returns the unsubscribe. */
export function onFontScaleChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Applies the choice at once, then saves it to the account; rejects with an ApiError if saving failed. */
export async function chooseFontScale(scale: FontScale): Promise<void> {
  const choice = (choices += 1);
  apply(scale, false);
  await callApi('account.updatePreferences', { fontScale: scale });
  if (choice === choices) apply(scale, true);
}

/** At launch: push an unsaved choice, or take the account's. */
export async function syncFontScale(): Promise<void> {
  const local = stored();
  if (local && !local.synced) {
    await chooseFontScale(local.fontScale);
    return;
  }
  const before = choices;
  const profile = await profileAtLaunch();
  if (choices === before) apply(profile.preferences.fontScale, true);
}
