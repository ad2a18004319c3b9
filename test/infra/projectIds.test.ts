import { createHash } from 'node:crypto';
import { commentIdFor, proposalIdFor, roundIdFor } from '../../infra/documents/projects';

describe('the ids of rounds, proposals and comments a client request creates', () => {
  const stored = (kind: string) => createHash('sha256').update(`${kind}\noResident123\nreq-0001-abcd`).digest('hex').slice(0, 32);

  test('ids already stored keep matching: kind, caller and request id joined by newlines, hashed, 32 hex characters', () => {
    expect(roundIdFor('oResident123', 'req-0001-abcd')).toBe(stored('round'));
    expect(proposalIdFor('oResident123', 'req-0001-abcd')).toBe(stored('proposal'));
    expect(commentIdFor('oResident123', 'req-0001-abcd')).toBe(stored('project-comment'));
  });
});
