import { ballotProblem, roundStage, scheduleProblem, tally, satisfactionPermille } from '../../miniprogram/shared/domain/project';
import { maskPersonalDetails } from '../../miniprogram/shared/domain/publicText';
import { shanghaiInstant } from '../../miniprogram/shared/domain/time';

const schedule = {
  proposalsUntil: '2026-11-25',
  commentsUntil: '2026-12-05',
  voteFrom: shanghaiInstant('2026-12-10', '09:00'),
  voteUntil: shanghaiInstant('2026-12-10', '12:00'),
  ratingFrom: '2027-12-01',
  ratingUntil: '2027-12-31',
};
const candidates = [
  { candidateId: 'a', number: 1, cost: 500 },
  { candidateId: 'b', number: 2, cost: 300 },
  { candidateId: 'c', number: 3, cost: 100 },
];
const ballots = (...choices: string[][]) => choices.map((c) => ({ choices: c }));

test('a round moves through its stages with the calendar and the published list', () => {
  const at = (date: string, time = '10:00') => shanghaiInstant(date, time);
  const round = { ...schedule, candidatesPublished: false };
  expect(roundStage(round, at('2026-11-25'))).toBe('proposing');
  expect(roundStage(round, at('2026-11-26'))).toBe('preparing');
  const published = { ...round, candidatesPublished: true };
  expect(roundStage(published, at('2026-11-20'))).toBe('commenting');
  expect(roundStage(published, at('2026-12-06'))).toBe('awaitingVote');
  expect(roundStage(published, at('2026-12-10', '08:59'))).toBe('awaitingVote');
  expect(roundStage(published, at('2026-12-10', '09:00'))).toBe('voting');
  expect(roundStage(published, at('2026-12-10', '12:00'))).toBe('delivering');
  expect(roundStage(published, at('2027-12-31', '23:59'))).toBe('rating');
  expect(roundStage(published, at('2028-01-01', '00:00'))).toBe('closed');
});

test('a schedule out of order, or a choice range upside down, is refused', () => {
  expect(scheduleProblem(schedule, { minChoices: 1, maxChoices: 3 })).toBeNull();
  expect(scheduleProblem({ ...schedule, commentsUntil: '2026-12-10' }, { minChoices: 1, maxChoices: 3 })).toBe('order');
  expect(scheduleProblem(schedule, { minChoices: 3, maxChoices: 2 })).toBe('choices');
});

test('a ballot names between min and max distinct candidates of the round', () => {
  const rule = { minChoices: 2, maxChoices: 2 };
  expect(ballotProblem(['a', 'b'], ['a', 'b', 'c'], rule)).toBeNull();
  expect(ballotProblem(['a'], ['a', 'b', 'c'], rule)).toBe('count');
  expect(ballotProblem(['a', 'a'], ['a', 'b', 'c'], rule)).toBe('duplicate');
  expect(ballotProblem(['a', 'x'], ['a', 'b', 'c'], rule)).toBe('unknown');
});

test('a tie across the last chosen place is settled by the rule set beforehand', () => {
  // a and b both have 2 of 3 ballots: one place.
  const cast = ballots(['a', 'b'], ['a', 'c'], ['b']);
  const cheaper = tally(candidates, cast, { maxChoices: 1, tieRule: 'lowerCost' });
  expect(cheaper.rows.map((r) => [r.candidateId, r.votes, r.chosen, r.decidedByTieRule])).toEqual([
    ['b', 2, true, true],
    ['a', 2, false, true],
    ['c', 1, false, false],
  ]);
  const earlier = tally(candidates, cast, { maxChoices: 1, tieRule: 'earlierNumber' });
  expect(earlier.rows.filter((r) => r.chosen).map((r) => r.candidateId)).toEqual(['a']);
});

test('a candidate needs more than half of the ballots cast', () => {
  const result = tally(candidates, ballots(['a'], ['b'], ['c'], ['a']), { maxChoices: 2, tieRule: 'lowerCost' });
  expect(result.rows.filter((r) => r.chosen)).toEqual([]);
});

test('满意率 counts 满意 and 基本满意', () => {
  expect(satisfactionPermille({ satisfied: 1, basicallySatisfied: 1, dissatisfied: 1 })).toBe(667);
  expect(satisfactionPermille({ satisfied: 0, basicallySatisfied: 0, dissatisfied: 0 })).toBeNull();
});

test('published free text hides phone, ID card numbers and e-mail addresses', () => {
  expect(maskPersonalDetails('电话13812345678，座机0571-87654321，身份证11010519491231002X，邮箱a.b@example.com')).toBe(
    '电话[电话已隐去]，座机[电话已隐去]，身份证[身份证号已隐去]，邮箱[邮箱已隐去]',
  );
});
