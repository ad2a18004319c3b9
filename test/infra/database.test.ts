import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE } from '../../infra/database';

describe('the database declaration', () => {
  // Written from the declaration before it was expressed through builders (issue 19): the collections,
  // indexes, index names and rules a real environment already has must not move.
  const fixture: unknown = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'database.json'), 'utf8'));

  test('declares the same collections, indexes and rules, in the same order, as the recorded fixture', () => {
    expect(DATABASE).toStrictEqual(fixture);
    expect(JSON.stringify(DATABASE)).toBe(JSON.stringify(fixture));
  });
});
