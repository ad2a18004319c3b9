/**
 * Booking codes: what a resident shows at the station and staff scan or type. Six characters
 * from an alphabet without look-alikes (no 0/O, 1/I/L), shown as `ABC-234`; 31^6 ≈ 8.9
 * × 10^8 codes, unique across all bookings (the database refuses a repeat and a new one is drawn).
 */

export const BOOKING_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const BOOKING_CODE_LENGTH = 6;

const CODE_PATTERN = new RegExp(`^[${BOOKING_CODE_ALPHABET}]{${BOOKING_CODE_LENGTH}}$`);

/**
 * A code from random integers, each in [0, alphabet length) — the caller supplies the
 * randomness (crypto.randomInt in a cloud function), so this stays pure.
 */
export function bookingCodeFrom(randomIndexes: ArrayLike<number>): string {
  if (randomIndexes.length < BOOKING_CODE_LENGTH) throw new RangeError(`need ${BOOKING_CODE_LENGTH} random indexes`);
  let code = '';
  for (let i = 0; i < BOOKING_CODE_LENGTH; i += 1) {
    const index = randomIndexes[i] ?? 0;
    if (!Number.isInteger(index) || index < 0 || index >= BOOKING_CODE_ALPHABET.length) throw new RangeError(`random index out of range: ${index}`);
    code += BOOKING_CODE_ALPHABET[index];
  }
  return code;
}

/** As scanned or typed: any case, spaces and dashes ignored ("abc-234" → "ABC234"). */
export function normalizeBookingCode(text: string): string {
  return text.replace(/[\s-]+/g, '').toUpperCase();
}

export function isBookingCode(text: string): boolean {
  return CODE_PATTERN.test(text);
}

/** ABC234 → ABC-234, easier to read out. */
export function formatBookingCode(code: string): string {
  return code.length === BOOKING_CODE_LENGTH ? `${code.slice(0, 3)}-${code.slice(3)}` : code;
}
