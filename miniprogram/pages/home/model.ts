import type { FontScale } from '../../shared/domain/account';
import { toApiError } from '../../services/api';
import { navigateTo, scanCode, showToast, type ScanResult } from '../../services/wx';
import { chooseFontScale } from '../../stores/font-scale';
import { refreshAccount, rememberedRoles, type RoleEntries } from '../../stores/profile';
import { urlForPagePath } from '../../routes';

export const FONT_SCALE_OPTIONS: ReadonlyArray<{ value: FontScale; label: string }> = [
  { value: 'standard', label: '标准' },
  { value: 'large', label: '大' },
  { value: 'extraLarge', label: '特大' },
];

export const UNRECOGNISED_CODE = '无法识别该二维码';
export const FONT_SAVED_LATER = '字体已调整，联网后会自动保存';

export type ScanOutcome = { kind: 'cancelled' } | { kind: 'open'; url: string } | { kind: 'unrecognised' };

/** Only our own mini-program codes open something; anything else is explained, not followed. */
export function scanOutcome(scan: ScanResult | null): ScanOutcome {
  if (!scan) return { kind: 'cancelled' };
  const url = scan.path ? urlForPagePath(scan.path) : null;
  return url ? { kind: 'open', url } : { kind: 'unrecognised' };
}

export async function scanAndOpen(): Promise<void> {
  let scan: ScanResult | null;
  try {
    scan = await scanCode();
  } catch (error) {
    console.warn('[home] scan failed', error);
    showToast(UNRECOGNISED_CODE);
    return;
  }
  const outcome = scanOutcome(scan);
  if (outcome.kind === 'open') await navigateTo(outcome.url);
  else if (outcome.kind === 'unrecognised') showToast(UNRECOGNISED_CODE);
}

/** The new size shows at once; if the account could not be told, say so plainly. */
export async function changeFontScale(scale: FontScale): Promise<void> {
  try {
    await chooseFontScale(scale);
  } catch (error) {
    const apiError = toApiError(error);
    showToast(apiError.code === 'COMMON.NETWORK' ? FONT_SAVED_LATER : apiError.message);
  }
}

/** The 我的消息 badge as home shows it. */
export interface UnreadBadge {
  unreadMessages: number;
  unreadBadge: string;
}

/**
 * The entries for deputies and staff: what the phone remembers at once, then what the account
 * says, with the 我的消息 badge from the same answer (one call). A failure to ask changes nothing
 * on screen (no badge rather than an error); residents never see an error for this.
 */
export async function showRoleEntries(render: (change: RoleEntries | (RoleEntries & UnreadBadge)) => void): Promise<void> {
  render(rememberedRoles());
  try {
    const { roles, unread } = await refreshAccount();
    render({ ...roles, unreadMessages: unread, unreadBadge: badgeText(unread) });
  } catch (error) {
    console.warn('[home] roles not refreshed', toApiError(error).code);
  }
}

/** The badge on 我的消息: the count, 99+ beyond. */
export function badgeText(count: number): string {
  return count > 99 ? '99+' : String(count);
}
