import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { functionNames } from '../../scripts/build';

const ROOT = join(__dirname, '..', '..');
const rc = JSON.parse(readFileSync(join(ROOT, 'cloudbaserc.json'), 'utf8')) as {
  functions: Array<{ name: string; handler: string; triggers?: unknown[] }>;
};

describe('cloudbaserc.json deploys exactly the functions the build makes', () => {
  test('every function folder is declared, and nothing else', () => {
    expect(rc.functions.map((fn) => fn.name).sort()).toEqual(functionNames());
  });

  test.each(functionNames())('%s: handler index.main, triggers mirror its config.json', (name) => {
    const declared = rc.functions.find((fn) => fn.name === name);
    expect(declared?.handler).toBe('index.main');
    const configFile = join(ROOT, 'cloudfunctions', name, 'config.json');
    const config = existsSync(configFile) ? (JSON.parse(readFileSync(configFile, 'utf8')) as { triggers?: unknown[] }) : {};
    expect(declared?.triggers ?? []).toEqual(config.triggers ?? []);
  });
});
