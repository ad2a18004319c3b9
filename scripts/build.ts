/**
 * Builds every cloud function into a self-contained deploy folder under build/cloudfunctions:
 * CloudBase deploys each function folder alone, so shared code (contract, domain, core) is
 * bundled in by esbuild. @cloudbase/node-sdk stays external and is installed at deploy time.
 */
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildMiniprogramNpm } from './build-miniprogram';

const ROOT = resolve(__dirname, '..');
const SOURCE = join(ROOT, 'cloudfunctions');
export const FUNCTIONS_OUT = join(ROOT, 'build', 'cloudfunctions');
const EXTERNAL = ['@cloudbase/node-sdk'];

/** A function is a folder of cloudfunctions/ with an index.ts; core/ is shared code. */
export function functionNames(): string[] {
  return readdirSync(SOURCE, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'core' && existsSync(join(SOURCE, entry.name, 'index.ts')))
    .map((entry) => entry.name)
    .sort();
}

function deployManifest(name: string): string {
  const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const dependencies = Object.fromEntries(EXTERNAL.map((pkg) => [pkg, root.dependencies[pkg]]));
  return `${JSON.stringify({ name: `lianxinqiao-${name}`, version: '1.0.0', private: true, main: 'index.js', dependencies }, null, 2)}\n`;
}

export async function buildFunctions(): Promise<string[]> {
  const names = functionNames();
  rmSync(FUNCTIONS_OUT, { recursive: true, force: true });
  await Promise.all(
    names.map(async (name) => {
      const outdir = join(FUNCTIONS_OUT, name);
      mkdirSync(outdir, { recursive: true });
      await build({
        entryPoints: [join(SOURCE, name, 'index.ts')],
        outfile: join(outdir, 'index.js'),
        bundle: true,
        platform: 'node',
        target: 'node16',
        format: 'cjs',
        external: EXTERNAL,
        sourcemap: true,
        legalComments: 'none',
        logLevel: 'warning',
      });
      writeFileSync(join(outdir, 'package.json'), deployManifest(name));
      const triggers = join(SOURCE, name, 'config.json');
      if (existsSync(triggers)) copyFileSync(triggers, join(outdir, 'config.json'));
    }),
  );
  return names;
}

if (process.argv[1] === __filename) {
  buildFunctions()
    .then((names) => {
      console.log(`built ${names.length} cloud functions → build/cloudfunctions: ${names.join(', ')}`);
      const npm = buildMiniprogramNpm();
      console.log(`built miniprogram_npm: ${npm.components.length} TDesign components, ${(npm.bytes / 1024).toFixed(1)} KB`);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
