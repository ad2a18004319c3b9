/** Mainland China mobile numbers, as residents leave them for a deputy to call back. */

export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

export function isMobileNumber(text: string): boolean {
  return MOBILE_PATTERN.test(text);
}

/** 13812345678 → 138****5678: enough to recognise, not enough to call. */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}
