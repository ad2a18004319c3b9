/**
 * The main package's size, counted the way WeChat counts what is uploaded: every file under
 * miniprogram/ that ships, miniprogram_npm included. TypeScript ships as the JavaScript
 * DevTools' compiler emits, minified as project.config.json's `minified` ("上传时压缩") asks, so each
 * .ts counts as its transpiled, minified .js. WXML and WXSS count as written (an upper bound: the
 * upload compresses them too).
 *
 * Not counted: shared/contract/ (the client imports only its types, and its schemas would
 * pull in zod), type declarations, and subpackage roots (they have their own budget).
 */
import { transformSync } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { buildMiniprogramNpm, MINIPROGRAM_DIR } from './build-miniprogram';

/** Our own budget for the main package, well under WeChat's 2 MB limit, so first opening stays fast on weak networks. */
export const MAIN_PACKAGE_BUDGET_BYTES = 400 * 1024;

const TYPE_ONLY_DIRS = ['shared/contract'];
const SHIPPED = /\.(js|ts|json|wxml|wxss|wxs|png|jpe?g|gif|svg|webp)$/;

export interface PackageSize {
  bytes: number;
  files: Array<{ file: string; bytes: number }>;
}

export function mainPackageSize(options: { buildNpm?: boolean } = {}): PackageSize {
  if (options.buildNpm ?? true) buildMiniprogramNpm();
  const excluded = [...TYPE_ONLY_DIRS, ...subpackageRoots()].map((dir) => path.join(MINIPROGRAM_DIR, dir));
  const files: PackageSize['files'] = [];
  const visit = (dir: string): void => {
    if (excluded.includes(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (ships(full)) files.push({ file: path.relative(MINIPROGRAM_DIR, full).split(path.sep).join('/'), bytes: shippedBytes(full) });
    }
  };
  visit(MINIPROGRAM_DIR);
  files.sort((a, b) => b.bytes - a.bytes);
  return { bytes: files.reduce((sum, file) => sum + file.bytes, 0), files };
}

function ships(file: string): boolean {
  if (!SHIPPED.test(file) || file.endsWith('.d.ts')) return false;
  // A .ts with a compiled .js beside it ships as that .js, which is counted on its own.
  return !(file.endsWith('.ts') && fs.existsSync(file.replace(/\.ts$/, '.js')));
}

function shippedBytes(file: string): number {
  if (!file.endsWith('.ts')) return fs.statSync(file).size;
  const { code } = transformSync(fs.readFileSync(file, 'utf8'), { loader: 'ts', format: 'cjs', minify: true, sourcefile: file });
  return Buffer.byteLength(code, 'utf8');
}

function subpackageRoots(): string[] {
  const app = JSON.parse(fs.readFileSync(path.join(MINIPROGRAM_DIR, 'app.json'), 'utf8')) as {
    subPackages?: Array<{ root: string }>;
    subpackages?: Array<{ root: string }>;
  };
  return [...(app.subPackages ?? []), ...(app.subpackages ?? [])].map((pkg) => pkg.root.replace(/\/+$/, ''));
}

if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  const size = mainPackageSize();
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const npm = size.files.filter((f) => f.file.startsWith('miniprogram_npm/')).reduce((sum, f) => sum + f.bytes, 0);
  console.log(`main package: ${kb(size.bytes)} of ${kb(MAIN_PACKAGE_BUDGET_BYTES)} budget (${size.files.length} files; miniprogram_npm ${kb(npm)})`);
  for (const file of size.files.slice(0, 5)) console.log(`  ${kb(file.bytes).padStart(9)}  ${file.file}`);
  if (size.bytes > MAIN_PACKAGE_BUDGET_BYTES) process.exitCode = 1;
}
