import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { COLLECTIONS, DATABASE } from '../../infra/database';

/**
 * Clients never touch the database: every collection's CloudBase security rule denies all direct
 * reads and writes (the functions use admin rights), and the code names no collection that the
 * declaration — the one file scripts/apply-database.ts applies — leaves out.
 */
const ROOT = join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

test('every declared collection denies all client reads and writes', () => {
  expect(DATABASE.length).toBeGreaterThan(0);
  for (const spec of DATABASE) expect({ collection: spec.name, rule: spec.rule }).toEqual({ collection: spec.name, rule: { read: false, write: false } });
});

test('every collection the code names is declared, once', () => {
  const declared = DATABASE.map((spec) => spec.name);
  expect(new Set(declared).size).toBe(declared.length);
  expect([...declared].sort()).toEqual(Object.values(COLLECTIONS).sort());
});

test('functions reach collections only through the COLLECTIONS constants', () => {
  const literal = /\.collection\(\s*['"`]/;
  const offenders = ['cloudfunctions', 'miniprogram']
    .flatMap((dir) => sourceFiles(join(ROOT, dir)))
    .filter((file) => !file.includes('miniprogram_npm') && literal.test(readFileSync(file, 'utf8')))
    .map((file) => relative(ROOT, file));
  expect(offenders).toEqual([]);
});

test('the mini-program never opens the database itself (wx.cloud.database)', () => {
  const offenders = sourceFiles(join(ROOT, 'miniprogram'))
    .filter((file) => !file.includes('miniprogram_npm') && /\bcloud\.database\s*\(/.test(readFileSync(file, 'utf8')))
    .map((file) => relative(ROOT, file));
  expect(offenders).toEqual([]);
});
