/**
 * How often one caller may call each kind of action, declared as data beside the contract. Every
 * write (anything the retry table does not call a read) is limited; so are the reads that cost
 * real work — files (exports), statistics, QR codes. The cloud functions enforce it with one
 * counter document per caller and group (cloudfunctions/core/rateLimit.ts). Free of zod and
 * of Node, so the mini-program could show the limits.
 */
import type { ActionName } from './contract';
import { OPINION_RATE_LIMITS } from './domain/opinion';
import { RETRY_SAFETY } from './retries';

export interface RateWindow {
  /** Length of the window; windows start on the clock (every ten minutes, on the hour, at midnight UTC+8). */
  windowMs: number;
  /** Calls admitted in one window. */
  max: number;
}

export interface RateGroup {
  windows: readonly RateWindow[];
  /**
   * `action`: the use case takes its turn itself, after recognising a retry of a call it already
   * answered (a retried submit is not a new submit). Otherwise the router takes it before the action runs.
   */
  checkedBy?: 'action';
  /** The refusal's code: COMMON.RATE_LIMITED unless the group has a message of its own. */
  code?: 'OPINION.RATE_LIMITED';
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/*
 * No window is shorter than ten minutes: windows start on the clock, and a shorter one would
 * roll over (one conditional write more) at moments a person cannot see coming.
 */
const TEN_MINUTES = 10 * MINUTE;

export const RATE_GROUPS = {
  /** A resident's opinions: 5 an hour, 20 a day (the rolling rule over stored opinions holds too). */
  opinion: { windows: OPINION_RATE_LIMITS, checkedBy: 'action', code: 'OPINION.RATE_LIMITED' },
  /** Any other write: more than a person at a desk makes, fewer than a script. */
  write: {
    windows: [
      { windowMs: TEN_MINUTES, max: 60 },
      { windowMs: HOUR, max: 200 },
    ],
  },
  /** Files made on request: workbooks, a resident's data export. */
  export: { windows: [{ windowMs: HOUR, max: 5 }] },
  /** Statistics computed over many records. */
  figures: { windows: [{ windowMs: TEN_MINUTES, max: 60 }] },
  /** QR code images made by WeChat for each call. */
  qrCode: {
    windows: [
      { windowMs: TEN_MINUTES, max: 20 },
      { windowMs: DAY, max: 200 },
    ],
  },
  /** The staff console's sign-in codes, asked for without an identity: counted per address (a ticket lives 2.5 minutes). */
  signIn: { windows: [{ windowMs: TEN_MINUTES, max: 15 }] },
} as const satisfies Record<string, RateGroup>;

export type RateGroupName = keyof typeof RATE_GROUPS;

/** Actions whose group is not the default one (writes → `write`, reads → none). */
const GROUP_OF: Partial<Record<ActionName, RateGroupName>> = {
  'opinion.submit': 'opinion',
  'privacy.exportMyData': 'export',
  'casework.export': 'export',
  'suggestion.export': 'export',
  'duty.export': 'export',
  'admin.exportDirectory': 'export',
  'casework.stats': 'figures',
  'casework.statsScreen': 'figures',
  'casework.drillDown': 'figures',
  'suggestion.stats': 'figures',
  'suggestion.drillDown': 'figures',
  'duty.figures': 'figures',
  'admin.createQrCode': 'qrCode',
  'booking.getCheckInQr': 'qrCode',
  'console.openTicket': 'signIn',
};

/** The group an action is counted in, or null for a plain read. */
export function rateGroupOf(action: ActionName): RateGroupName | null {
  return GROUP_OF[action] ?? (RETRY_SAFETY[action] === 'read' ? null : 'write');
}

/** "3 分钟" / "2 小时" / "1 天": when to try again, rounded up, as a person would say it. */
export function waitText(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / MINUTE));
  if (minutes < 60) return `${minutes} 分钟`;
  const hours = Math.ceil(ms / HOUR);
  if (hours < 24) return `${hours} 小时`;
  return `${Math.ceil(ms / DAY)} 天`;
}

/** The refusal's message, saying when to try again. */
export function rateLimitedMessage(group: RateGroupName, retryAfterMs: number): string {
  const wait = waitText(retryAfterMs);
  const spec: RateGroup = RATE_GROUPS[group];
  if (spec.code === 'OPINION.RATE_LIMITED') {
    const [hourly, daily] = spec.windows;
    return `提交太频繁了（每小时最多${hourly?.max}条、每天最多${daily?.max}条），请在 ${wait}后再试，填写的内容已为您保留`;
  }
  return `操作太频繁，请在 ${wait}后再试`;
}
