/**
 * Reception days are Asia/Shanghai dates whatever the machine's time zone: cloud functions run in
 * UTC, developers' machines in Shanghai, phones anywhere. The schedule and date code runs in child
 * processes that set their own TZ (a test process cannot change its own zone: jest's process.env
 * is a copy) under UTC, Shanghai, Los Angeles (west of UTC, where a naive holiday lookup slips a
 * day) and Kiritimati (UTC+14), expecting the very same answers.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const PROBE = join(__dirname, 'fixtures', 'schedule-probe.ts');

function probe(tz: string): Record<string, unknown> {
  const run = spawnSync(process.execPath, ['--import', 'tsx', PROBE], { env: { ...process.env, TZ: tz }, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`probe under TZ=${tz} failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as Record<string, unknown>;
}

const EXPECTED = {
  seededFrom20261123: ['2026-12-15', '2027-01-15', '2027-02-15'],
  // 2026-01-15 Thu; 2026-02-15 falls in the Spring Festival holiday, moved to Tue 24th; 2026-03-15 is a Sunday.
  seededFrom20260101: ['2026-01-15', '2026-02-24', '2026-03-16'],
  // 2024-02-15 (春节) → Sun 18th, a 调休 working day; 2024-09-15 (中秋) → Wed 18th; 2026-11-15 Sunday → Monday.
  moved: ['2024-02-18', '2024-09-18', '2026-02-24', '2026-11-16', '2026-12-15'],
  workingDays: [true, true, false, true, false],
  firstSlotUtc: '2026-12-15T01:00:00.000Z',
  shanghaiDayOfFirstSlot: '2026-12-15',
  firstMinuteOfDecember: '2026-12-01',
  receptionDates: ['11月15日 周六', '3月1日 周六', '2月29日 周二'],
  clock: ['2027年1月1日 00:00', '2026年12月1日 00:05'],
};

describe('the 15th stays the 15th in every time zone', () => {
  test.each(['UTC', 'Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati'])('in a child process with TZ=%s', (tz) => {
    const { offsetMinutes, disagreementsWithPackage, ...answers } = probe(tz);
    expect(answers).toEqual(EXPECTED);
    // Where the package's own isWorkday is right (UTC and east of it), our table lookup agrees
    // with it on every day it covers; west of UTC the package slips a day and we do not.
    const packageSlips = Number(offsetMinutes) > 0;
    expect(Number(disagreementsWithPackage) > 0).toBe(packageSlips);
  });
});
