/**
 * Does what WeChat DevTools' "构建 npm" does for tdesign-miniprogram, without DevTools:
 * puts the package's `miniprogram_dist` under `miniprogram/miniprogram_npm/tdesign-miniprogram/`.
 * Unlike DevTools it copies only the files the app reaches — the components named in some
 * `usingComponents`, followed through their own components, js imports, wxss @imports and
 * wxml/wxs references — so the main package stays small.
 *
 * The package's js is ES modules; it is converted to CommonJS here, which is what the
 * mini-program runtime executes (DevTools would do the same conversion at upload with
 * "将 JS 编译成 ES5"). That also lets Node and jest load the components as they are shipped.
 *
 * Safe to run concurrently (parallel test workers): files are written atomically and only
 * when their content changes.
 */
import { transformSync } from 'esbuild';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const PACKAGE = 'tdesign-miniprogram';
const ROOT = path.resolve(__dirname, '..');

export const MINIPROGRAM_DIR = path.join(ROOT, 'miniprogram');
export const NPM_DIR = path.join(MINIPROGRAM_DIR, 'miniprogram_npm');
const DIST_DIR = path.join(ROOT, 'node_modules', PACKAGE, 'miniprogram_dist');
const OUT_DIR = path.join(NPM_DIR, PACKAGE);

/** The parts of a custom component: `<base>.json` names it; these sit beside it. */
const COMPONENT_PARTS = ['.json', '.js', '.wxml', '.wxss'];

export interface NpmBuildResult {
  /** Component paths the app uses, as written in usingComponents (`tdesign-miniprogram/button/button`). */
  components: string[];
  /** Files written under miniprogram_npm, relative to it. */
  files: string[];
  bytes: number;
}

export function buildMiniprogramNpm(): NpmBuildResult {
  const components = usedPackageComponents();
  const files = new Set<string>();
  const queue: string[] = [];
  const visit = (file: string): void => {
    if (!files.has(file)) {
      files.add(file);
      queue.push(file);
    }
  };

  for (const component of components) addComponent(path.join(DIST_DIR, component.slice(PACKAGE.length + 1)), visit);
  while (queue.length > 0) {
    const file = queue.shift() as string;
    for (const dependency of dependenciesOf(file)) visit(dependency);
  }

  const quoted = quotedWords([...files, ...walk(MINIPROGRAM_DIR, (dir) => dir !== NPM_DIR)]);
  const written: string[] = [];
  let bytes = 0;
  for (const source of [...files].sort()) {
    const target = path.join(OUT_DIR, path.relative(DIST_DIR, source));
    const content = source === ICON_STYLES ? Buffer.from(keepUsedIcons(fs.readFileSync(source, 'utf8'), quoted)) : shippedContent(source);
    writeIfChanged(target, content);
    written.push(path.relative(NPM_DIR, target).split(path.sep).join('/'));
    bytes += content.length;
  }
  removeStaleFiles(OUT_DIR, new Set(written.map((file) => path.join(NPM_DIR, file))));
  for (const [target, source] of Object.entries(SCRIPT_FILES)) {
    const content = fs.readFileSync(path.join(ROOT, 'node_modules', source));
    writeIfChanged(path.join(NPM_DIR, target), content);
    written.push(target);
    bytes += content.length;
  }
  return { components, files: written, bytes };
}

/**
 * Plain script packages the app's own code requires, as `miniprogram_npm/<package>/…` (where WeChat
 * resolves `require('dayjs')` and `require('dayjs/plugin/utc')`): the shared time module's dayjs
 * and the one plugin it uses, already minified by their authors.
 */
const SCRIPT_FILES: Record<string, string> = {
  'dayjs/index.js': 'dayjs/dayjs.min.js',
  'dayjs/plugin/utc.js': 'dayjs/plugin/utc.js',
};

/** Every `tdesign-miniprogram/...` component named in a json of the app (app.json, pages, components). */
export function usedPackageComponents(): string[] {
  const used = new Set<string>();
  for (const file of walk(MINIPROGRAM_DIR, (dir) => dir !== NPM_DIR)) {
    if (!file.endsWith('.json')) continue;
    const json = readJson(file) as { usingComponents?: Record<string, string> } | null;
    for (const target of Object.values(json?.usingComponents ?? {})) {
      if (target.startsWith(`${PACKAGE}/`)) used.add(target);
    }
  }
  return [...used].sort();
}

function addComponent(base: string, visit: (file: string) => void): void {
  if (!fs.existsSync(`${base}.json`)) throw new Error(`${PACKAGE}: no component at ${path.relative(DIST_DIR, base)}`);
  for (const ext of COMPONENT_PARTS) if (fs.existsSync(base + ext)) visit(base + ext);
}

function dependenciesOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const dir = path.dirname(file);
  const found: string[] = [];
  switch (path.extname(file)) {
    case '.json': {
      const json = JSON.parse(text) as { usingComponents?: Record<string, string> };
      for (const target of Object.values(json.usingComponents ?? {})) {
        addComponent(path.resolve(dir, target), (dependency) => found.push(dependency));
      }
      break;
    }
    case '.js':
      for (const specifier of matches(text, /(?:\bfrom\s*|\bimport\s*|\brequire\(\s*)["']([^"']+)["']/g)) {
        found.push(resolveScript(specifier, file));
      }
      break;
    case '.wxss':
      for (const target of matches(text, /@import\s+["']([^"']+)["']/g)) found.push(existing(path.resolve(dir, target), file));
      break;
    case '.wxml':
      for (const target of matches(text, /<(?:import|include|wxs)\b[^>]*\bsrc=["']([^"']+)["']/g)) {
        found.push(existing(path.resolve(dir, target), file));
      }
      break;
    case '.wxs':
      for (const target of matches(text, /\brequire\(\s*["']([^"']+)["']/g)) found.push(existing(path.resolve(dir, target), file));
      break;
  }
  return found;
}

/** Relative imports resolve beside the file; bare ones to the package's own miniprogram_npm, as WeChat does. */
function resolveScript(specifier: string, from: string): string {
  const base = specifier.startsWith('.') ? path.resolve(path.dirname(from), specifier) : path.join(DIST_DIR, 'miniprogram_npm', specifier);
  for (const candidate of [base, `${base}.js`, path.join(base, 'index.js')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`${PACKAGE}: cannot resolve "${specifier}" imported by ${path.relative(DIST_DIR, from)}`);
}

function existing(file: string, from: string): string {
  if (!fs.existsSync(file)) throw new Error(`${PACKAGE}: ${path.relative(DIST_DIR, from)} refers to missing ${path.relative(DIST_DIR, file)}`);
  return file;
}

function matches(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(pattern)].map((match) => match[1] as string);
}

function shippedContent(source: string): Buffer {
  const raw = fs.readFileSync(source);
  if (path.extname(source) !== '.js') return raw;
  const { code } = transformSync(raw.toString('utf8'), { loader: 'js', format: 'cjs', minify: true, sourcefile: source });
  return Buffer.from(code, 'utf8');
}

/**
 * TDesign's icon stylesheet maps all ~2,350 glyph names to font code points (110 KB). An icon is
 * named by a quoted literal somewhere — `name="location"` in a page, `'chevron-right'` in a
 * component's code — so only glyphs whose name appears quoted in the app or in the copied
 * TDesign files are kept; every other rule of the stylesheet stays.
 */
const ICON_STYLES = path.join(DIST_DIR, 'icon', 'icon.wxss');
const SOURCE_TEXT = /\.(ts|js|wxml|json|wxs)$/;

function quotedWords(files: Iterable<string>): Set<string> {
  const words = new Set<string>();
  for (const file of files) {
    if (!SOURCE_TEXT.test(file) || file.endsWith('.d.ts')) continue;
    for (const word of matches(fs.readFileSync(file, 'utf8'), /["'`]([a-z][a-z0-9-]*)["'`]/g)) words.add(word);
  }
  return words;
}

export function keepUsedIcons(css: string, used: ReadonlySet<string>): string {
  return css.replace(/\.t-icon-([a-z0-9-]+):before\{content:'[^']*';\}\n?/g, (rule, name: string) => (used.has(name) ? rule : ''));
}

function writeIfChanged(target: string, content: Buffer): void {
  if (fs.existsSync(target) && fs.readFileSync(target).equals(content)) return;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(temporary, content);
  fs.renameSync(temporary, target);
}

function removeStaleFiles(dir: string, keep: Set<string>): void {
  if (!fs.existsSync(dir)) return;
  for (const file of walk(dir, () => true)) {
    // Another worker's temporary file is about to be renamed into place: leave it alone.
    if (!keep.has(file) && !file.endsWith('.tmp')) fs.rmSync(file, { force: true });
  }
  removeEmptyDirs(dir);
}

function removeEmptyDirs(dir: string): void {
  for (const entry of entriesOf(dir)) {
    if (entry.isDirectory()) removeEmptyDirs(path.join(dir, entry.name));
  }
  if (dir === OUT_DIR || entriesOf(dir).length > 0) return;
  try {
    fs.rmdirSync(dir);
  } catch {
    // A concurrent build just wrote into it or removed it first: either way it is settled.
  }
}

/** A directory's entries; none if a concurrent build has just removed it. */
function entriesOf(dir: string): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

function* walk(dir: string, enter: (dir: string) => boolean): Generator<string> {
  for (const entry of entriesOf(dir)) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (enter(full)) yield* walk(full, enter);
    } else {
      yield full;
    }
  }
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  const result = buildMiniprogramNpm();
  console.log(`miniprogram_npm: ${result.components.length} components → ${result.files.length} files, ${(result.bytes / 1024).toFixed(1)} KB`);
}
