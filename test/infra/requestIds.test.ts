import { createHash } from 'node:crypto';
import { retryDocumentId } from '../../infra/documents/requestIds';

describe('the id of a create that carries a client request id', () => {
  test('a retry by the same caller lands on the same id; another caller or another kind does not', () => {
    const first = retryDocumentId('suggestion', 'dp-005', 'req-0001-abcd');
    expect(retryDocumentId('suggestion', 'dp-005', 'req-0001-abcd')).toBe(first);
    expect(retryDocumentId('suggestion', 'dp-006', 'req-0001-abcd')).not.toBe(first);
    expect(retryDocumentId('session', 'dp-005', 'req-0001-abcd')).not.toBe(first);
    expect(first).toMatch(/^[0-9a-f]{32}$/);
  });

  test('ids already stored keep matching: the parts joined by newlines, hashed, first 32 hex characters', () => {
    const stored = createHash('sha256').update('oResident123\nreq-0001-abcd').digest('hex').slice(0, 32);
    expect(retryDocumentId('oResident123', 'req-0001-abcd')).toBe(stored);
  });
});
