import {
  DEFAULT_POINTS_RULES,
  figuresOf,
  figureSentences,
  median,
  rankWithin,
  rulesOn,
  scoreYear,
  starsOf,
  tally,
  validRules,
  type DutyEntry,
  type PointsRules,
} from '../../miniprogram/shared/domain/duty';

/** An entry as the record builds it: its id `<kind>:<source id>`, counted once, with what else `fields` give. */
const entry = (kind: DutyEntry['kind'], source: DutyEntry['source'], date: string, title: string, fields: Partial<DutyEntry> = {}): DutyEntry => ({
  id: `${kind}:${source.id}`,
  kind,
  date,
  title,
  source,
  count: 1,
  ...fields,
});
const day = (date: string, id = date): DutyEntry => entry('dutyDay', { kind: 'receptionDay', id }, date, '进站接待');
const suggestion = (date: string, id: string): DutyEntry => entry('suggestionLed', { kind: 'suggestion', id }, date, '领衔建议');
const version = (effectiveFrom: string, dutyDay: number, penalty = 2): PointsRules => ({
  effectiveFrom,
  rules: { ...DEFAULT_POINTS_RULES.rules, dutyDay: { points: dutyDay, capPerYear: null } },
  missedDayPenalty: penalty,
});

describe('points rules versioned by date', () => {
  test('the version in force on a date is the latest starting on or before it; before any, the defaults', () => {
    const versions = [version('2026-07-01', 5), version('2025-01-01', 4)];
    expect(rulesOn(versions, '2024-12-31')).toBe(DEFAULT_POINTS_RULES);
    expect(rulesOn(versions, '2026-06-30').effectiveFrom).toBe('2025-01-01');
    expect(rulesOn(versions, '2026-07-01').effectiveFrom).toBe('2026-07-01');
  });

  test("a new version leaves last year's score as it was", () => {
    const entries = [day('2025-03-15'), day('2025-09-15')];
    const before = scoreYear(2025, entries, [version('2025-01-01', 4)]);
    const after = scoreYear(2025, entries, [version('2025-01-01', 4), version('2026-01-01', 10)]);
    expect(after).toEqual(before);
    expect(before.total).toBe(8);
  });

  test('a cap fills in date order, whatever order the entries come in, and the line says so', () => {
    const entries = [suggestion('2026-09-01', 'c'), suggestion('2026-03-01', 'a'), suggestion('2026-05-01', 'b')];
    const rules: PointsRules = { ...DEFAULT_POINTS_RULES, effectiveFrom: '2026-01-01', rules: { ...DEFAULT_POINTS_RULES.rules, suggestionLed: { points: 5, capPerYear: 12 } } };
    const score = scoreYear(2026, entries, [rules]);
    expect(score.lines.map((line) => [line.entryId, line.points])).toEqual([
      ['suggestionLed:a', 5],
      ['suggestionLed:b', 5],
      ['suggestionLed:c', 2],
    ]);
    expect(score.lines[2]?.reason).toBe('按2026-01-01起施行的规则计5分，本年已达上限12分，计2分');
    expect(scoreYear(2026, [...entries].reverse(), [rules])).toEqual(score);
  });

  test('a missed day takes the penalty of its version, a leave day nothing, a struck entry nothing', () => {
    const missed: DutyEntry = { ...day('2026-04-15'), id: 'missedDay:x', kind: 'missedDay' };
    const leave: DutyEntry = { ...day('2026-05-15'), id: 'leaveDay:y', kind: 'leaveDay' };
    const score = scoreYear(2026, [missed, leave, day('2026-06-15')], [version('2026-01-01', 3, 4)], new Set(['dutyDay:2026-06-15']));
    expect(score.lines.map((line) => line.points)).toEqual([-4, 0, 0]);
    expect(score.total).toBe(-4);
  });

  test('negative points or caps are not rules', () => {
    expect(validRules(DEFAULT_POINTS_RULES)).toBe(true);
    expect(validRules({ ...DEFAULT_POINTS_RULES, missedDayPenalty: -1 })).toBe(false);
  });
});

describe('figures in plain words', () => {
  test('median days to answer, share satisfied, sentences', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    const replied = (id: string, replyDays: number) => entry('opinionReplied', { kind: 'opinion', id }, '2026-03-01', '', { replyDays });
    const closed = (id: string, satisfied: boolean | null) => entry('caseClosed', { kind: 'opinion', id }, '2026-03-05', '', { satisfied });
    const figures = figuresOf([day('2026-03-15'), replied('a', 1), replied('b', 5), replied('c', 2), closed('a', true), closed('b', false), closed('c', null)]);
    expect(figures).toMatchObject({ dutyDays: 1, opinionsAnswered: 3, medianReplyDays: 2, satisfiedPercent: 50 });
    expect(figureSentences(figures, 2026)).toEqual([
      '2026年进站接待1天，接待群众0人次。',
      '收到群众意见0条，答复或转交3条，一般2天内答复。',
      '群众评价满意（含基本满意）的占50%。',
    ]);
  });

  test('ranks share a place on equal scores', () => {
    const ranks = rankWithin([
      { id: 'a', total: 10 },
      { id: 'b', total: 12 },
      { id: 'c', total: 10 },
    ]);
    expect([ranks.get('b'), ranks.get('a'), ranks.get('c')]).toEqual([
      { rank: 1, of: 3 },
      { rank: 2, of: 3 },
      { rank: 2, of: 3 },
    ]);
  });

  test('stars by the published rubric', () => {
    expect(starsOf({ receptionDays: 12, residentsReceived: 60, opinionsReceived: 25, answeredPercent: 95, satisfiedPercent: 80 }).stars).toBe(4);
    expect(starsOf({ receptionDays: 0, residentsReceived: 0, opinionsReceived: 0, answeredPercent: null, satisfiedPercent: null }).stars).toBe(0);
  });

  test('a tally counts each rating and the share satisfied', () => {
    expect(tally(['satisfied', 'basicallySatisfied', 'dissatisfied', 'satisfied'])).toEqual({
      satisfied: 2,
      basicallySatisfied: 1,
      dissatisfied: 1,
      total: 4,
      satisfiedPercent: 75,
    });
    expect(tally([]).satisfiedPercent).toBeNull();
  });
});
