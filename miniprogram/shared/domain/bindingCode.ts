/**
 * One-time codes that bind a WeChat account to a deputy record. Eight characters from an
 * alphabet without look-alikes (no 0/O, 1/I/L), so a code read from paper is typed right.
 */

export const BINDING_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const BINDING_CODE_LENGTH = 8;
export const BINDING_CODE_VALID_DAYS = 7;

const CODE_PATTERN = new RegExp(`^[${BINDING_CODE_ALPHABET}]{${BINDING_CODE_LENGTH}}$`);

/** A code from random bytes (one byte per character; the caller supplies the randomness). */
export function bindingCodeFrom(randomBytes: ArrayLike<number>): string {
  if (randomBytes.length < BINDING_CODE_LENGTH) throw new RangeError(`need ${BINDING_CODE_LENGTH} random bytes`);
  let code = '';
  for (let i = 0; i < BINDING_CODE_LENGTH; i += 1) code += BINDING_CODE_ALPHABET[(randomBytes[i] ?? 0) % BINDING_CODE_ALPHABET.length];
  return code;
}

/** As typed: any case, spaces and dashes ignored ("abcd-efgh" → "ABCDEFGH"). */
export function normalizeBindingCode(text: string): string {
  return text.replace(/[\s-]+/g, '').toUpperCase();
}

export function isBindingCode(text: string): boolean {
  return CODE_PATTERN.test(text);
}
