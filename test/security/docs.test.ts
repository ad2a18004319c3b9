import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderMatrix } from './matrix';

const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'SECURITY.md'), 'utf8');

test('docs/SECURITY.md shows the authorization matrix the tests run', () => {
  expect(doc).toContain(renderMatrix());
});

test('docs/SECURITY.md keeps a section for each part of issue 6', () => {
  for (const heading of [
    '## Threat model',
    '## Authorization matrix',
    '## Hostile input',
    '## Retries and crashes',
    '## Database security rules',
    '## Privacy (PIPL)',
    '## Content safety',
    '## Running the checks',
  ]) {
    expect(doc).toContain(heading);
  }
});
