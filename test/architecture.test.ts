import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The house's walls, checked: each cloud function is a router (index.ts) over its use cases
 * (actions/, one per file) and its own helpers; what several functions share lives in
 * cloudfunctions/core/ or in the data layer (infra/, infra/documents/: one owner per document);
 * pure rules in miniprogram/shared/. A function never reaches into another function's files.
 */
const ROOT = join(__dirname, '..');
const FUNCTIONS = join(ROOT, 'cloudfunctions');
const functionNames = readdirSync(FUNCTIONS).filter((name) => name !== 'core' && existsSync(join(FUNCTIONS, name, 'index.ts')));

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

function relativeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import|require\()\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((match) => resolve(dirname(file), match[1] as string));
}

const inside = (path: string, dir: string) => !relative(dir, path).startsWith('..');

describe('cloud functions', () => {
  test('there are functions to check', () => {
    expect(functionNames.length).toBeGreaterThanOrEqual(8);
  });

  test.each(functionNames)('%s imports only its own files, core, the data layer and shared code', (name) => {
    const allowed = [join(FUNCTIONS, name), join(FUNCTIONS, 'core'), join(ROOT, 'infra'), join(ROOT, 'miniprogram', 'shared')];
    const strays = tsFiles(join(FUNCTIONS, name)).flatMap((file) =>
      relativeImports(file)
        .filter((target) => !allowed.some((dir) => inside(target, dir)))
        .map((target) => `${relative(ROOT, file)} → ${relative(ROOT, target)}`),
    );
    expect(strays).toEqual([]);
  });

  test('core and the data layer import no function', () => {
    const strays = [...tsFiles(join(FUNCTIONS, 'core')), ...tsFiles(join(ROOT, 'infra'))].flatMap((file) =>
      relativeImports(file)
        .filter((target) => inside(target, FUNCTIONS) && !inside(target, join(FUNCTIONS, 'core')))
        .map((target) => `${relative(ROOT, file)} → ${relative(ROOT, target)}`),
    );
    expect(strays).toEqual([]);
  });

  test.each(functionNames)('%s: every action the router names is one file in actions/, and actions/ holds nothing else', (name) => {
    const router = readFileSync(join(FUNCTIONS, name, 'index.ts'), 'utf8');
    const table = /createFunction\('\w+', \{([\s\S]*?)\}\)/.exec(router)?.[1] ?? '';
    const handlers = [...table.matchAll(/:\s*(\w+)/g)].map((match) => match[1] as string);
    const imported = new Map(
      [...router.matchAll(/import \{([^}]*)\} from '\.\/actions\/(\w+)'/g)].flatMap((match) =>
        (match[1] as string).split(',').map((id) => [id.trim(), match[2] as string] as const),
      ),
    );
    expect(handlers.filter((handler) => !imported.has(handler))).toEqual([]);
    const actionFiles = readdirSync(join(FUNCTIONS, name, 'actions')).map((file) => file.replace(/\.ts$/, ''));
    expect(actionFiles.sort()).toEqual([...new Set(imported.values())].sort());
  });
});

describe('privacy rules', () => {
  /** The rules docs/SECURITY.md cites are the ones in force: a rule only its own unit test calls would be a promise nobody keeps. */
  test('every export of shared/domain/privacy.ts is used by the functions, the app or the console', () => {
    const module = join(ROOT, 'miniprogram', 'shared', 'domain', 'privacy.ts');
    const exported = [...readFileSync(module, 'utf8').matchAll(/^export (?:function|const) (\w+)/gm)].map((match) => match[1] as string);
    expect(exported.length).toBeGreaterThan(0);
    const users = [FUNCTIONS, join(ROOT, 'miniprogram'), join(ROOT, 'console', 'src')]
      .flatMap((dir) => tsFiles(dir))
      .filter((file) => file !== module && !file.includes('node_modules'))
      .map((file) => readFileSync(file, 'utf8'));
    const unused = exported.filter((name) => !users.some((text) => new RegExp(`\\b${name}\\b`).test(text)));
    expect(unused).toEqual([]);
  });
});
