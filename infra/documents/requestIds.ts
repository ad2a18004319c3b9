import { createHash } from 'node:crypto';

/**
 * The document id of a create that carries a client request id: the same caller sending the same
 * request again lands on the same id, so a retry after a lost reply finds what the first attempt
 * wrote instead of writing a second one. `parts` name what is created and by whom (a kind, the
 * caller, the request id); the id is the first 32 hex characters of their SHA-256.
 */
export function retryDocumentId(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 32);
}
