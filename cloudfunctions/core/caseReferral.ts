import type { CaseReferralLimits } from '../../miniprogram/shared/domain/casework';
import { parsedSetting } from './caseDeadlines';

export const DEFAULT_CASE_REFERRAL: CaseReferralLimits = { workingDays: 7, bounceFlagAt: 2 };

/** The defaults with overrides applied, e.g. `{ "workingDays": 5 }`; unknown keys and values out of range are refused. */
export function caseReferralWith(overrides: unknown): CaseReferralLimits {
  if (overrides === undefined || overrides === null) return DEFAULT_CASE_REFERRAL;
  if (typeof overrides !== 'object' || Array.isArray(overrides)) throw new RangeError('case referral limits must be an object');
  const limits = { ...DEFAULT_CASE_REFERRAL };
  const ranges: Record<keyof CaseReferralLimits, [number, number]> = { workingDays: [1, 30], bounceFlagAt: [2, 10] };
  for (const [key, value] of Object.entries(overrides)) {
    const range = (ranges as Record<string, [number, number] | undefined>)[key];
    if (!range) throw new RangeError(`unknown case referral limit "${key}"; known: workingDays, bounceFlagAt`);
    if (typeof value !== 'number' || !Number.isInteger(value) || value < range[0] || value > range[1]) {
      throw new RangeError(`case referral limit ${key} must be a whole number from ${range[0]} to ${range[1]}, got ${JSON.stringify(value)}`);
    }
    limits[key as keyof CaseReferralLimits] = value;
  }
  return limits;
}

/**
 * How soon a department may send a case back (退回) and when a case counts as bouncing: the
 * defaults, overridden by `CASE_REFERRAL`, JSON such as `{"workingDays":5,"bounceFlagAt":3}`.
 */
export function caseReferral(): CaseReferralLimits {
  return caseReferralWith(parsedSetting('CASE_REFERRAL', process.env.CASE_REFERRAL));
}
