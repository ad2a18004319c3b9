import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { functionNames, VENDOR_FILES } from '../../scripts/build';

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

describe('every environment variable a function reads is declared for it', () => {
  const declaredVariables = (name: string) =>
    Object.keys((rc.functions.find((fn) => fn.name === name) as { envVariables?: Record<string, string> } | undefined)?.envVariables ?? {});

  test.each(functionNames())('%s', async (name) => {
    const result = await build({
      entryPoints: [join(ROOT, 'cloudfunctions', name, 'index.ts')],
      bundle: true,
      write: false,
      platform: 'node',
      metafile: true,
      external: Object.keys(VENDOR_FILES),
      logLevel: 'silent',
    });
    const read = new Set<string>();
    for (const input of Object.keys(result.metafile.inputs).filter((file) => !file.includes('node_modules'))) {
      // Read directly, or as a template id through core/templates.ts.
      for (const match of readFileSync(join(ROOT, input), 'utf8').matchAll(/process\.env\.([A-Z][A-Z0-9_]*)|templateId\('([A-Z][A-Z0-9_]*)'/g))
        read.add((match[1] ?? match[2]) as string);
    }
    expect(declaredVariables(name).sort()).toEqual([...read].sort());
  });
});
