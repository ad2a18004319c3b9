/**
 * What WeChat checks when it opens the project, checked without DevTools: every page and
 * component is complete, every usingComponents target exists, and nothing drags zod (the
 * contract's schemas) into the mini-program.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PAGES, SUBPACKAGE_PAGES, urlForPagePath } from '../../miniprogram/routes';

const MINIPROGRAM = path.resolve(__dirname, '../../miniprogram');
const TDESIGN = path.resolve(__dirname, '../../node_modules/tdesign-miniprogram/miniprogram_dist');

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T;
const app = readJson<{ pages: string[]; subPackages?: Array<{ root: string; pages: string[] }>; style: string; lazyCodeLoading: string }>(path.join(MINIPROGRAM, 'app.json'));
const subpackagePages = (app.subPackages ?? []).flatMap((pkg) => pkg.pages.map((page) => `${pkg.root.replace(/\/+$/, '')}/${page}`));

function sourceFiles(dir: string, skip: string[]): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (skip.includes(path.relative(MINIPROGRAM, full))) return [];
    return entry.isDirectory() ? sourceFiles(full, skip) : [full];
  });
}

const ownFiles = sourceFiles(MINIPROGRAM, ['miniprogram_npm', 'shared']);
const componentJsons = ownFiles.filter((file) => file.endsWith('.json') && fs.existsSync(file.replace(/\.json$/, '.wxml')));

describe('app.json', () => {
  it('lists exactly the pages the code routes to, home first', () => {
    expect(app.pages).toEqual(Object.values(PAGES));
    expect(app.pages[0]).toBe(PAGES.home);
  });

  it('lists every subpackage page the code routes to, and each lives under its root', () => {
    expect([...subpackagePages].sort()).toEqual(Object.values(SUBPACKAGE_PAGES).sort());
    for (const pkg of app.subPackages ?? []) expect(pkg.root).toMatch(/^packages\/[a-z-]+\/$/);
  });

  it('uses the v2 style and loads only the components a page needs', () => {
    expect(app.style).toBe('v2');
    expect(app.lazyCodeLoading).toBe('requiredComponents');
  });
});

describe('pages and components', () => {
  it.each([...app.pages, ...subpackagePages])('%s has its script, template, style and config', (page) => {
    for (const ext of ['.ts', '.wxml', '.wxss', '.json']) expect(fs.existsSync(path.join(MINIPROGRAM, page + ext))).toBe(true);
  });

  it('name only components that exist', () => {
    const missing: string[] = [];
    for (const json of componentJsons) {
      const { usingComponents = {} } = readJson<{ usingComponents?: Record<string, string> }>(json);
      for (const target of Object.values(usingComponents)) {
        const base = target.startsWith('tdesign-miniprogram/')
          ? path.join(TDESIGN, target.slice('tdesign-miniprogram/'.length))
          : path.join(target.startsWith('/') ? MINIPROGRAM : path.dirname(json), target);
        if (!fs.existsSync(`${base}.json`)) missing.push(`${path.relative(MINIPROGRAM, json)} → ${target}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('the page factory', () => {
  const pages = [...app.pages, ...subpackagePages];
  const source = (file: string) => fs.readFileSync(file, 'utf8');
  const callsComponent = (text: string) => /^\s*Component\(/m.test(text);

  it.each(pages)('%s is made by definePage', (page) => {
    const script = source(path.join(MINIPROGRAM, `${page}.ts`));
    expect(script).toMatch(/^import \{[^}]*\bdefinePage\b[^}]*\} from '(\.\.\/)+factory\/define-page';$/m);
    expect(script).toMatch(/^definePage(<.*>)?\(/m);
    expect(callsComponent(script)).toBe(false);
  });

  it('leaves Component() to the factory and to components', () => {
    const factory = path.join(MINIPROGRAM, 'factory/define-page.ts');
    const isComponent = (file: string) => {
      const json = file.replace(/\.ts$/, '.json');
      return fs.existsSync(json) && readJson<{ component?: boolean }>(json).component === true;
    };
    const offenders = ownFiles
      .filter((file) => file.endsWith('.ts') && file !== factory && !isComponent(file))
      .filter((file) => callsComponent(source(file)))
      .map((file) => path.relative(MINIPROGRAM, file));
    expect(offenders).toEqual([]);
  });
});

describe('the shared contract', () => {
  it('is imported for its types only, so zod never ships in the mini-program', () => {
    const offenders = ownFiles
      .filter((file) => file.endsWith('.ts'))
      .filter((file) => {
        const source = fs.readFileSync(file, 'utf8');
        const valueImport = /^import\s+(?!type\b)[^;]*?from\s+['"]([^'"]*)['"]/gm;
        return [...source.matchAll(valueImport)].some(([, from]) => from === 'zod' || /shared\/contract/.test(from ?? ''));
      })
      .map((file) => path.relative(MINIPROGRAM, file));
    expect(offenders).toEqual([]);
  });
});

describe('page paths from our mini-program codes', () => {
  it('open only pages of ours', () => {
    expect(urlForPagePath('pages/deputy/index?deputyId=dp-1')).toBe('/pages/deputy/index?deputyId=dp-1');
    expect(urlForPagePath('pages/home/index')).toBe('/pages/home/index');
    expect(urlForPagePath('pages/admin/index')).toBeNull();
    expect(urlForPagePath('')).toBeNull();
  });
});
