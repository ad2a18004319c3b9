/**
 * Builds every cloud function into a self-contained deploy folder under build/cloudfunctions:
 * CloudBase deploys each function folder alone, so shared code (contract, domain, core) is
 * bundled in by esbuild, minified, for the Node.js version of .nvmrc.
 *
 *   build/cloudfunctions/<name>/index.js          the function's own code
 *   build/cloudfunctions/<name>/vendor/*.js       bundled packages, each in a file of its own:
 *                                                 @cloudbase/node-sdk (every function), and
 *                                                 exceljs, pdf-lib and fontkit (only where an
 *                                                 action needs them; required when that action
 *                                                 runs, not at load)
 *   build/cloudfunctions/admin/fonts/             the CJK font posters are set in (Debian's
 *                                                 fonts-wqy-microhei; see admin/posterSheet.ts)
 *   build/cloudfunctions/<name>/config.json       timer triggers and cloud-call permissions
 *   build/sourcemaps/<name>/index.js.map          kept here for stack traces, never uploaded
 *   build/console/                                the staff console (scripts/build-console.ts, Vite)
 *
 * Nothing is installed on the server (installDependency false): the upload is what runs, the
 * dependency versions are the ones package-lock.json pins (npm `overrides` included), and no
 * package's install script runs on CloudBase. docs/DEPLOY.md says why node-sdk is bundled.
 */
import { build, type Plugin } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync, appendFileSync, renameSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { POSTER_FONT_FILE, POSTER_FONT_SOURCE } from '../cloudfunctions/admin/posterSheet';
import { buildConsole, CONSOLE_OUT } from './build-console';
import { buildMiniprogramNpm } from './build-miniprogram';
import { esbuildTarget } from './node-version';

const ROOT = resolve(__dirname, '..');
const SOURCE = join(ROOT, 'cloudfunctions');
export const FUNCTIONS_OUT = join(ROOT, 'build', 'cloudfunctions');
export const SOURCEMAPS_OUT = join(ROOT, 'build', 'sourcemaps');

/** Packages bundled into vendor/<file>.js beside a function's index.js instead of into it. */
export const VENDOR_FILES: Readonly<Record<string, string>> = {
  '@cloudbase/node-sdk': 'node-sdk.js',
  exceljs: 'exceljs.js',
  'pdf-lib': 'pdf-lib.js',
  '@pdf-lib/fontkit': 'fontkit.js',
  'chinese-days/dist/chinese-days.json': 'chinese-days.js',
};

/** A function is a folder of cloudfunctions/ with an index.ts; core/ is shared code. */
export function functionNames(): string[] {
  return readdirSync(SOURCE, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'core' && existsSync(join(SOURCE, entry.name, 'index.ts')))
    .map((entry) => entry.name)
    .sort();
}

function deployManifest(name: string): string {
  return `${JSON.stringify({ name: `lianxinqiao-${name}`, version: '1.0.0', private: true, main: 'index.js' }, null, 2)}\n`;
}

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
} as const;

/** Resolves each vendor package to its file beside the bundle, and notes which ones the function uses. */
function vendorPlugin(used: Set<string>): Plugin {
  const names = Object.keys(VENDOR_FILES).map((name) => name.replace(/[/.]/g, '\\$&'));
  return {
    name: 'vendor-files',
    setup(builder) {
      builder.onResolve({ filter: new RegExp(`^(${names.join('|')})$`) }, (args) => {
        used.add(args.path);
        return { path: `./vendor/${VENDOR_FILES[args.path]}`, external: true };
      });
    },
  };
}

async function buildVendor(pkg: string, outfile: string): Promise<void> {
  await build({
    ...common,
    stdin: { contents: `module.exports = require(${JSON.stringify(pkg)});`, resolveDir: ROOT, loader: 'js' },
    outfile,
    target: esbuildTarget(),
  });
}

/**
 * The CJK font admin.printPosters sets posters in, beside the admin function (it deploys alone):
 * Debian's fonts-wqy-microhei. Without it the build still succeeds, and printing answers an error.
 */
function copyPosterFont(outdir: string): void {
  if (!existsSync(POSTER_FONT_SOURCE)) {
    console.warn(`no ${POSTER_FONT_SOURCE}: posters cannot be printed by this build (apt-get install fonts-wqy-microhei)`);
    return;
  }
  mkdirSync(join(outdir, 'fonts'));
  copyFileSync(POSTER_FONT_SOURCE, join(outdir, 'fonts', POSTER_FONT_FILE));
}

export async function buildFunctions(): Promise<string[]> {
  const names = functionNames();
  rmSync(FUNCTIONS_OUT, { recursive: true, force: true });
  rmSync(SOURCEMAPS_OUT, { recursive: true, force: true });
  const vendorCache = join(ROOT, 'build', 'vendor');
  mkdirSync(vendorCache, { recursive: true });
  const vendorBuilt = new Map<string, Promise<void>>();
  const vendorFile = (pkg: string): Promise<string> => {
    const file = join(vendorCache, VENDOR_FILES[pkg] ?? '');
    if (!vendorBuilt.has(pkg)) vendorBuilt.set(pkg, buildVendor(pkg, file));
    return (vendorBuilt.get(pkg) as Promise<void>).then(() => file);
  };

  await Promise.all(
    names.map(async (name) => {
      const outdir = join(FUNCTIONS_OUT, name);
      const mapsdir = join(SOURCEMAPS_OUT, name);
      mkdirSync(outdir, { recursive: true });
      mkdirSync(mapsdir, { recursive: true });
      const used = new Set<string>();
      await build({
        ...common,
        entryPoints: [join(SOURCE, name, 'index.ts')],
        outfile: join(outdir, 'index.js'),
        target: esbuildTarget(),
        sourcemap: 'external',
        plugins: [vendorPlugin(used)],
      });
      // The map stays out of the uploaded folder; the comment lets `node --enable-source-maps` find it locally.
      renameSync(join(outdir, 'index.js.map'), join(mapsdir, 'index.js.map'));
      appendFileSync(join(outdir, 'index.js'), `\n//# sourceMappingURL=../../sourcemaps/${name}/index.js.map\n`);
      if (used.size > 0) mkdirSync(join(outdir, 'vendor'));
      for (const pkg of used) copyFileSync(await vendorFile(pkg), join(outdir, 'vendor', VENDOR_FILES[pkg] ?? ''));
      writeFileSync(join(outdir, 'package.json'), deployManifest(name));
      const config = join(SOURCE, name, 'config.json');
      if (existsSync(config)) copyFileSync(config, join(outdir, 'config.json'));
      if (name === 'admin') copyPosterFont(outdir);
    }),
  );
  return names;
}

/** Bytes of a built function: its own code, each vendor file, and the whole folder as uploaded. */
export interface BundleSize {
  name: string;
  own: number;
  vendor: Record<string, number>;
  total: number;
}

export function bundleSize(name: string, root = FUNCTIONS_OUT): BundleSize {
  const dir = join(root, name);
  const vendorDir = join(dir, 'vendor');
  const vendor: Record<string, number> = {};
  if (existsSync(vendorDir)) for (const file of readdirSync(vendorDir)) vendor[file] = statSync(join(vendorDir, file)).size;
  const top = readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isFile());
  const total = top.reduce((sum, entry) => sum + statSync(join(dir, entry.name)).size, 0) + Object.values(vendor).reduce((a, b) => a + b, 0);
  return { name, own: statSync(join(dir, 'index.js')).size, vendor, total };
}

if (process.argv[1] === __filename) {
  buildFunctions()
    .then((names) => {
      const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
      const sizes = names.map((name) => bundleSize(name));
      console.log(`built ${names.length} cloud functions → build/cloudfunctions (own code): ${sizes.map((s) => `${s.name} ${kb(s.own)}`).join(', ')}`);
      const npm = buildMiniprogramNpm();
      console.log(`built miniprogram_npm: ${npm.components.length} TDesign components, ${(npm.bytes / 1024).toFixed(1)} KB`);
      return buildConsole().then(() => console.log(`built the staff console → ${CONSOLE_OUT}`));
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
