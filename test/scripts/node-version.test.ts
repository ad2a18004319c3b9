import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cloudBaseRuntime, enginesRange, esbuildTarget, nodeVersion } from '../../scripts/node-version';

const ROOT = join(__dirname, '..', '..');
const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
const rc = JSON.parse(readFileSync(join(ROOT, 'cloudbaserc.json'), 'utf8')) as { functions: Array<Record<string, unknown>> };

describe('one Node.js version, declared in .nvmrc', () => {
  test('.nvmrc names a runtime CloudBase offers, and the names derived from it are exact', () => {
    // CloudBase's Node.js runtimes: Nodejs20.19 (generally available), Nodejs22.21 and Nodejs24.11 (public beta).
    expect(['Nodejs20.19', 'Nodejs22.21', 'Nodejs24.11']).toContain(cloudBaseRuntime());
    expect(esbuildTarget()).toBe(`node${readFileSync(join(ROOT, '.nvmrc'), 'utf8').trim()}`);
  });

  test("package.json's engines say the same version", () => {
    expect(packageJson.engines.node).toBe(enginesRange());
  });

  test('cloudbaserc.json names no runtime of its own: the deploy takes it from .nvmrc', () => {
    for (const fn of rc.functions) expect(fn).not.toHaveProperty('runtime');
  });

  test('the machine running the tests is on that major version', () => {
    expect(Number(process.versions.node.split('.')[0])).toBe(nodeVersion().major);
  });

  test('a malformed .nvmrc is refused with what to write', () => {
    expect(() => nodeVersion('lts/*')).toThrow(/major\.minor/);
    expect(nodeVersion('22.21\n')).toEqual({ major: 22, minor: 21 });
  });
});
