const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * An id that will not repeat: 20 random characters (over 100 bits). Names uploads and marks a
 * form's submit as one request; never used as a secret.
 */
export function randomId(length = 20): string {
  let id = '';
  for (let i = 0; i < length; i += 1) id += ALPHABET[Math.floor(Math.random() * ALPHABET.length)];
  return id;
}
