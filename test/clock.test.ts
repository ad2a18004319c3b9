import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Time has one source. The wall clock is read in miniprogram/shared/domain/time.ts (`systemClock`)
 * and nowhere else in the product or the local runtime: every other "now" is handed in (the call
 * context, a timer's instant, the seed's base date, the app clock), so a test that names its instant
 * is obeyed everywhere. Dates are computed with dayjs through that module, and no other date library.
 */
const ROOT = join(__dirname, '..');
const CLOCK_MODULE = 'miniprogram/shared/domain/time.ts';
const SCANNED = ['cloudfunctions', 'miniprogram', 'runtime', 'infra', 'scripts'];

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'miniprogram_npm' || entry.name === 'node_modules' ? [] : sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Reading the wall clock: `new Date()` with no argument, `Date.now()`, `dayjs()` with none. */
const WALL_CLOCK = /new Date\(\s*\)|\bDate\.now\(\)|\bdayjs\(\s*\)/;
const OTHER_DATE_LIBRARIES = /from ['"](moment|date-fns|luxon|chinese-days)['"]|require\(['"](moment|date-fns|luxon)['"]\)/;

const files = SCANNED.flatMap(sources).map((file) => relative(ROOT, join(ROOT, file)));

describe('one clock', () => {
  test('the scan sees the product', () => {
    expect(files).toContain(CLOCK_MODULE);
    expect(files.length).toBeGreaterThan(200);
  });

  test('nothing but the clock module reads the wall clock', () => {
    const offenders = files.filter((file) => file !== CLOCK_MODULE && WALL_CLOCK.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(offenders).toEqual([]);
  });

  test('the clock module reads it once, as systemClock', () => {
    const text = readFileSync(join(ROOT, CLOCK_MODULE), 'utf8');
    expect(text.match(new RegExp(WALL_CLOCK.source, 'g'))).toEqual(['new Date()']);
    expect(text).toContain('export const systemClock: Clock = { now: () => new Date() };');
  });

  test('no other date library', () => {
    expect(files.filter((file) => OTHER_DATE_LIBRARIES.test(readFileSync(join(ROOT, file), 'utf8')))).toEqual([]);
  });
});
