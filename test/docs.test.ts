import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API } from '../miniprogram/shared/contract';
import { ERROR_MESSAGES } from '../miniprogram/shared/errors';
import { updatedApiDoc } from '../scripts/api-docs';

const apiDoc = readFileSync(join(__dirname, '..', 'docs', 'API.md'), 'utf8');

describe('docs/API.md keeps up with the contract', () => {
  test.each(Object.keys(API))('documents action %s', (action) => {
    expect(apiDoc).toContain(`### \`${action}\``);
  });

  test('every action states the payload, result, errors and callers the contract, its use case and the authorization matrix give (run `npm run docs` after changing them)', () => {
    expect(updatedApiDoc(apiDoc)).toBe(apiDoc);
  });

  test('a stale fact is caught: a payload edited by hand does not survive', () => {
    const edited = apiDoc.replace('- payload: `{ stationId: string }`', '- payload: `{ stationId: number }`');
    expect(edited).not.toBe(apiDoc);
    expect(updatedApiDoc(edited)).toBe(apiDoc);
  });

  test.each(Object.keys(ERROR_MESSAGES))('documents error code %s', (code) => {
    expect(apiDoc).toContain(`\`${code}\``);
  });
});
