import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleSize, FUNCTIONS_OUT, functionNames, SOURCEMAPS_OUT, VENDOR_FILES } from '../../scripts/build';

/** `npm test` builds before jest runs; these check what the build left for the deploy. */
const OWN_CODE_BUDGET = 250 * 1024;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

describe('the built cloud functions', () => {
  test.each(functionNames())('%s: its own code is minified and under 250 KB, its source map stays behind', (name) => {
    const size = bundleSize(name);
    expect(size.own).toBeLessThan(OWN_CODE_BUDGET);
    const code = readFileSync(join(FUNCTIONS_OUT, name, 'index.js'), 'utf8');
    expect(code.length / code.split('\n').length).toBeGreaterThan(1000);
    expect(filesUnder(join(FUNCTIONS_OUT, name)).filter((file) => file.endsWith('.map'))).toEqual([]);
    expect(existsSync(join(SOURCEMAPS_OUT, name, 'index.js.map'))).toBe(true);
    expect(code.trimEnd().endsWith(`//# sourceMappingURL=../../sourcemaps/${name}/index.js.map`)).toBe(true);
  });

  test.each(functionNames())('%s: node-sdk is bundled beside it and nothing is left to install on the server', (name) => {
    expect(Object.keys(bundleSize(name).vendor)).toContain(VENDOR_FILES['@cloudbase/node-sdk']);
    const manifest = JSON.parse(readFileSync(join(FUNCTIONS_OUT, name, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).not.toHaveProperty('dependencies');
    const code = readFileSync(join(FUNCTIONS_OUT, name, 'index.js'), 'utf8');
    const required = [...code.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1] as string);
    const builtins = new Set(require('node:module').builtinModules as string[]);
    expect(required.filter((id) => !id.startsWith('./vendor/') && !builtins.has(id.replace(/^node:/, '')))).toEqual([]);
  });

  test('exceljs ships only with the functions that export workbooks, and is required when an export runs, not when the function loads', () => {
    const withExcel = functionNames().filter((name) => VENDOR_FILES.exceljs && VENDOR_FILES.exceljs in bundleSize(name).vendor);
    expect(withExcel).toEqual(['admin', 'casework', 'duty', 'suggestion']);
    for (const name of withExcel) {
      const code = readFileSync(join(FUNCTIONS_OUT, name, 'index.js'), 'utf8');
      const topLevel = code.replace(/function[^{]*\{[^]*$/m, '');
      expect(code).toContain('require("./vendor/exceljs.js")');
      expect(topLevel).not.toContain('./vendor/exceljs.js');
    }
  });

  test("zod's locales stay out but its default (English): the contract imports zod's namespace, not `{ z }`", async () => {
    const result = await build({
      entryPoints: [join(__dirname, '..', '..', 'cloudfunctions', 'opinion', 'index.ts')],
      bundle: true,
      write: false,
      outfile: 'opinion.js',
      minify: true,
      platform: 'node',
      metafile: true,
      external: Object.keys(VENDOR_FILES),
      logLevel: 'silent',
    });
    const [output] = Object.values(result.metafile.outputs);
    const locales = Object.entries(output?.inputs ?? {}).filter(([input, { bytesInOutput }]) => /zod\/.*locales\//.test(input) && !input.endsWith('/en.js') && bytesInOutput > 0);
    expect(locales).toEqual([]);
  });
});

test('every package a cloud function bundles is listed in dependencies, none in devDependencies: the deploy carries what dependencies says', async () => {
  const root = join(__dirname, '..', '..');
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
  const result = await build({
    entryPoints: functionNames().map((name) => join(root, 'cloudfunctions', name, 'index.ts')),
    bundle: true,
    write: false,
    outdir: 'out',
    platform: 'node',
    metafile: true,
    external: Object.keys(VENDOR_FILES),
    logLevel: 'silent',
  });
  const builtins = new Set(require('node:module').builtinModules as string[]);
  const imported = new Set<string>();
  for (const [input, { imports }] of Object.entries(result.metafile.inputs)) {
    if (input.includes('node_modules/')) continue;
    for (const { path, original } of imports) {
      const specifier = original ?? path;
      if (specifier.startsWith('.') || specifier.startsWith('/') || builtins.has(specifier.replace(/^node:/, ''))) continue;
      const parts = specifier.split('/');
      imported.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string));
    }
  }
  expect([...imported].sort()).toEqual(expect.arrayContaining(['@cloudbase/node-sdk', '@pdf-lib/fontkit', 'exceljs', 'pdf-lib', 'zod']));
  expect([...imported].filter((name) => !(name in manifest.dependencies)).sort()).toEqual([]);
  expect(Object.keys(manifest.devDependencies).filter((name) => imported.has(name))).toEqual([]);
});
