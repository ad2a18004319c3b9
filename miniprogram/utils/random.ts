const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * An id that will not repeat on this phone: the time, then random characters. Names uploads
 * and marks a form's submit as one request; never used as a secret.
 */
export function randomId(randomLength = 12): string {
  let random = '';
  for (let i = 0; i < randomLength; i += 1) random += ALPHABET[Math.floor(Math.random() * ALPHABET.length)];
  return `${Date.now().toString(36)}${random}`;
}
