import { RATINGS } from '../../miniprogram/shared/domain/casework';
import {
  averageHours,
  CASE_FIGURES,
  FIGURE_DEFINITIONS,
  FIGURE_LABELS,
  FIGURE_PREDICATES,
  FIGURES,
  isCaseFigure,
  percent,
  ratesFrom,
} from '../../miniprogram/shared/domain/caseStats';
import { JIANGNAN_OCTOBER } from '../support/demoFigures';

describe('oversight figures', () => {
  test('every figure has a label and says what it counts; every case figure has its predicate', () => {
    for (const figure of FIGURES) {
      expect(FIGURE_LABELS[figure]).toMatch(/\p{Script=Han}/u);
      expect(FIGURE_DEFINITIONS[figure]).toMatch(/\p{Script=Han}/u);
    }
    expect(Object.keys(FIGURE_PREDICATES).sort()).toEqual([...CASE_FIGURES].sort());
    expect(isCaseFigure('stationVisits')).toBe(false);
    expect(isCaseFigure('overdue')).toBe(true);
  });

  test('未评价 is rated but never satisfied', () => {
    expect(FIGURE_PREDICATES.rated).toEqual({ kind: 'in', field: 'rating.value', values: [...RATINGS, 'none'] });
    expect(FIGURE_PREDICATES.satisfied).toEqual({ kind: 'in', field: 'rating.value', values: ['satisfied', 'basicallySatisfied'] });
  });

  test('overdue: a stage finished late, or a deadline running past due', () => {
    expect(FIGURE_PREDICATES.overdue).toEqual({
      kind: 'or',
      of: [
        { kind: 'nonEmpty', field: 'lateStages' },
        { kind: 'pastDue', field: 'deadline.dueAt' },
      ],
    });
  });
});

describe('rates', () => {
  test('percent with one decimal, null with nothing to divide by', () => {
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(1, 8)).toBe(12.5);
    expect(percent(3, 3)).toBe(100);
    expect(percent(0, 0)).toBeNull();
  });

  test('average hours with one decimal', () => {
    expect(averageHours(3 * 3_600_000 + 30 * 60_000, 1)).toBe(3.5);
    expect(averageHours(100 * 3_600_000, 3)).toBe(33.3);
    expect(averageHours(0, 0)).toBeNull();
  });

  test('the rates of a set of counts', () => {
    expect(ratesFrom(JIANGNAN_OCTOBER.counts, JIANGNAN_OCTOBER.firstResponseMs)).toEqual(JIANGNAN_OCTOBER.rates);
  });
});
