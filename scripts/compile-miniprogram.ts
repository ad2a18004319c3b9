/**
 * The mini-program through WeChat's own compilers, offline (CI runs this: .ci/miniprogram-compile):
 *
 * 1. wcc and wcsc, the WXML and WXSS compilers WeChat DevTools uses (the miniprogram-compiler
 *    package ships them), over every .wxml and .wxss of miniprogram/ including miniprogram_npm;
 * 2. miniprogram-ci's `getCompiledResult`, DevTools' full build (TypeScript plugin, ES6 → ES5,
 *    minify, packOptions), which runs without network given the default project attributes and a
 *    throwaway private key (the key only matters for uploads);
 *
 * then prints the compiled size of the main package and of each subpackage against their
 * budgets. Any compiler error, or a package over its budget, exits 1.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MAIN_PACKAGE_BUDGET_BYTES } from './miniprogram-size';

const ROOT = resolve(__dirname, '..');
const MINIPROGRAM = join(ROOT, 'miniprogram');
/** WeChat's limit for one subpackage. */
export const SUBPACKAGE_BUDGET_BYTES = 2 * 1024 * 1024;

const nodeRequire = createRequire(__filename);

interface Compiler {
  wxmlToJs(root: string, options?: { maxBuffer?: number }): string;
  wxssToJs(root: string, options?: { maxBuffer?: number }): string;
}

/** wcc and wcsc over every file; answers the length of what each produced. */
export function compileWithWcc(root = MINIPROGRAM): { wxml: number; wxss: number } {
  const compiler = nodeRequire('miniprogram-compiler') as Compiler;
  const options = { maxBuffer: 64 * 1024 * 1024 };
  let wxml: string;
  let wxss: string;
  try {
    wxml = compiler.wxmlToJs(root, options);
  } catch (error) {
    throw new Error(`wcc (WXML): ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  try {
    wxss = compiler.wxssToJs(root, options);
  } catch (error) {
    throw new Error(`wcsc (WXSS): ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return { wxml: wxml.length, wxss: wxss.length };
}

interface MiniprogramCi {
  Project: new (options: Record<string, unknown>) => { attr: () => Promise<unknown> };
  DefaultProjectAttr: unknown;
  getCompiledResult(options: Record<string, unknown>): Promise<Record<string, string | Buffer>>;
}

/** DevTools' build, as uploaded: compiled file → content. */
export async function compileWithMiniprogramCi(): Promise<Record<string, string | Buffer>> {
  const ci = nodeRequire('miniprogram-ci') as MiniprogramCi;
  const keyDir = mkdtempSync(join(tmpdir(), 'lxq-ci-key-'));
  try {
    const keyFile = join(keyDir, 'private.key');
    writeFileSync(keyFile, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }));
    const project = new ci.Project({ appid: 'wx0000000000000000', type: 'miniProgram', projectPath: ROOT, privateKeyPath: keyFile, ignores: ['node_modules/**/*'] });
    project.attr = async () => ci.DefaultProjectAttr;
    return await ci.getCompiledResult({ project, setting: { es6: true, minify: true, useCompilerPlugins: ['typescript'] } });
  } finally {
    rmSync(keyDir, { recursive: true, force: true });
  }
}

export interface PackageSize {
  name: string;
  bytes: number;
  budget: number;
}

/** Sizes of the main package and each subpackage (app.json `subPackages` roots) in a compiled result. */
export function packageSizes(
  files: Record<string, string | Buffer>,
  appJson = JSON.parse(readFileSync(join(MINIPROGRAM, 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string }> },
): PackageSize[] {
  const roots = (appJson.subPackages ?? []).map((sub) => sub.root.replace(/\/?$/, '/'));
  const sizes = new Map<string, number>([['main', 0], ...roots.map((root): [string, number] => [root, 0])]);
  for (const [file, content] of Object.entries(files)) {
    const owner = roots.find((root) => file.startsWith(root)) ?? 'main';
    sizes.set(owner, (sizes.get(owner) ?? 0) + (typeof content === 'string' ? Buffer.byteLength(content) : content.length));
  }
  return [...sizes].map(([name, bytes]) => ({ name, bytes, budget: name === 'main' ? MAIN_PACKAGE_BUDGET_BYTES : SUBPACKAGE_BUDGET_BYTES }));
}

async function main(): Promise<void> {
  const wcc = compileWithWcc();
  console.log(`wcc/wcsc: every WXML and WXSS compiled (${(wcc.wxml / 1024).toFixed(0)} KB and ${(wcc.wxss / 1024).toFixed(0)} KB of output)`);
  const started = process.hrtime.bigint();
  const files = await compileWithMiniprogramCi();
  console.log(`miniprogram-ci getCompiledResult: ${Object.keys(files).length} files in ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(0)} s`);
  const sizes = packageSizes(files);
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  console.log('package                 compiled KB   budget KB');
  for (const size of sizes) console.log(`${size.name.padEnd(24)}${kb(size.bytes).padStart(11)}${kb(size.budget).padStart(12)}${size.bytes > size.budget ? '  OVER BUDGET' : ''}`);
  const over = sizes.filter((size) => size.bytes > size.budget);
  if (over.length > 0) throw new Error(`over budget: ${over.map((size) => size.name).join(', ')}`);
}

if (process.argv[1] === __filename) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
