import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { FUNCTIONS_OUT } from '../../scripts/build';

/**
 * package.json's `overrides` give @cloudbase/node-sdk axios 1.21.1 instead of the 0.27.2 it pins
 * (docs/SECURITY.md). The SDK uses axios for its cloud-metadata lookup (when it does not know it
 * runs on SCF, which CloudBase's hosts set) and for extensions; its database, storage and cloud-call
 * requests go through Node's http, which every function test exercises with the override in place.
 * This test holds the override in place, in node_modules and in the deployed bundle.
 */
const ROOT = join(__dirname, '..', '..');
const sdkRequire = createRequire(createRequire(__filename).resolve('@cloudbase/node-sdk'));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { overrides?: Record<string, Record<string, string>> };

describe('axios under @cloudbase/node-sdk', () => {
  test('is the release the override names, in node_modules and in the bundle that is deployed', () => {
    const wanted = pkg.overrides?.['@cloudbase/node-sdk']?.axios;
    expect(wanted).toBe('1.21.1');
    expect((sdkRequire('axios/package.json') as { version: string }).version).toBe(wanted);
    expect(readFileSync(join(FUNCTIONS_OUT, 'directory', 'vendor', 'node-sdk.js'), 'utf8')).toContain(`"${wanted}"`);
  });
});
