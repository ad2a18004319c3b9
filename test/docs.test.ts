import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API } from '../miniprogram/shared/contract';
import { ERROR_MESSAGES } from '../miniprogram/shared/errors';

const apiDoc = readFileSync(join(__dirname, '..', 'docs', 'API.md'), 'utf8');

describe('docs/API.md keeps up with the contract', () => {
  test.each(Object.keys(API))('documents action %s', (action) => {
    expect(apiDoc).toContain(`### \`${action}\``);
  });

  test.each(Object.keys(ERROR_MESSAGES))('documents error code %s', (code) => {
    expect(apiDoc).toContain(`\`${code}\``);
  });
});
