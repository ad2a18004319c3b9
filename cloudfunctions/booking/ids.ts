import { randomBytes, randomInt } from 'node:crypto';
import { retryDocumentId } from '../../infra/documents/requestIds';
import { BOOKING_CODE_ALPHABET, BOOKING_CODE_LENGTH, bookingCodeFrom } from '../../miniprogram/shared/domain/bookingCode';

/** The same caller sending the same request again lands on the same document id. */
export function requestDocumentId(requester: string, clientRequestId: string): string {
  return retryDocumentId(requester, clientRequestId);
}

export function newBookingCode(): string {
  return bookingCodeFrom(Array.from({ length: BOOKING_CODE_LENGTH }, () => randomInt(BOOKING_CODE_ALPHABET.length)));
}

const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** 12 characters of 62: 71 bits, not guessable from outside the station. */
export function newCheckInToken(): string {
  return Array.from({ length: 12 }, () => TOKEN_ALPHABET[randomInt(TOKEN_ALPHABET.length)]).join('');
}

/** A timer run's claim on the bookings it reminds: random, so two runs never share one. */
export function newRunId(): string {
  return randomBytes(12).toString('hex');
}
