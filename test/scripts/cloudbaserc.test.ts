import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { SUBSCRIBE_TEMPLATES } from '../../infra/subscribeTemplates';
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
    const inputs = Object.keys(result.metafile.inputs).filter((file) => !file.includes('node_modules'));
    // Read directly, or as template ids through core/templates.ts templateIdsOf(fn): fn's rows of infra/subscribeTemplates.ts.
    for (const input of inputs) {
      for (const match of readFileSync(join(ROOT, input), 'utf8').matchAll(/process\.env\.([A-Z][A-Z0-9_]*)|templateIdsOf\('([a-z]+)'\)/g)) {
        if (match[1]) read.add(match[1]);
        else for (const template of SUBSCRIBE_TEMPLATES) if (template.fn === match[2]) read.add(template.variable);
      }
    }
    expect(declaredVariables(name).sort()).toEqual([...read].sort());
  });
});
