import { DEMO_AREAS, DEMO_DEPUTIES, DEMO_STATIONS, demoReceptionDates, demoReceptionDays } from '../../runtime/seed/demoData';
import { DEPUTY_LEVELS } from '../../miniprogram/shared/domain/directory';

describe('demo data', () => {
  test('one city, two districts with townships, at least 3 stations and 12 deputies of every level', () => {
    expect(DEMO_AREAS.filter((a) => a.kind === 'city')).toHaveLength(1);
    const districts = DEMO_AREAS.filter((a) => a.kind === 'district');
    expect(districts).toHaveLength(2);
    for (const d of districts) expect(DEMO_AREAS.some((a) => a.kind === 'township' && a.parentId === d._id)).toBe(true);
    expect(DEMO_STATIONS.length).toBeGreaterThanOrEqual(3);
    expect(DEMO_DEPUTIES.length).toBeGreaterThanOrEqual(12);
    expect(new Set(DEMO_DEPUTIES.map((d) => d.level))).toEqual(new Set(DEPUTY_LEVELS));
  });

  test('every deputy receives at an existing station and every station has deputies', () => {
    const stationIds = new Set(DEMO_STATIONS.map((s) => s._id));
    for (const d of DEMO_DEPUTIES) expect(d.stationIds.every((id) => stationIds.has(id))).toBe(true);
    for (const s of DEMO_STATIONS) expect(DEMO_DEPUTIES.some((d) => d.stationIds.includes(s._id))).toBe(true);
  });

  test('reception days: the 15th of the next three months, counting this month only if still ahead', () => {
    expect(demoReceptionDates('2026-11-23')).toEqual(['2026-12-15', '2027-01-15', '2027-02-15']);
    // 2026-11-15 is a Sunday: that month's reception day moves to Monday the 16th.
    expect(demoReceptionDates('2026-11-15')).toEqual(['2026-11-16', '2026-12-15', '2027-01-15']);
    const days = demoReceptionDays('2026-11-23');
    expect(days).toHaveLength(DEMO_STATIONS.length * 3);
    for (const day of days) expect(day.deputyIds.length).toBeGreaterThan(0);
  });
});
