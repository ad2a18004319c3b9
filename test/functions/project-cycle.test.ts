import { shanghaiInstant } from '../../miniprogram/shared/domain/time';
import { ok, useTestRuntime } from '../support/runtime';
import { allowMessages, outbox } from './helpers/cloud';
import { bindDeputies, residentOpinion } from './helpers/suggestions';
import { CITY, freshId, openRound, roundPayload } from './helpers/projects';
import { JN_CIVIL_HANDLER, JN_HOUSING_HANDLER } from '../support/people';

/**
 * 民生实事项目票决 from residents' proposals to the published year-end rating, as residents,
 * staff, the unit and deputies would drive it, moving the clock through the round's schedule.
 */
let deputies: Awaited<ReturnType<typeof bindDeputies>>;
const t = useTestRuntime({ at: shanghaiInstant('2026-11-18', '10:00'), frozen: true });
beforeAll(async () => {
  deputies = await bindDeputies(t, 'prj');
}, 60_000);

const candidateFields = (title: string, cost: number) => ({
  title,
  description: '根据群众建议和代表意见，在全市范围内统筹实施，年内完成建设并投入使用。',
  place: '临江市城区',
  cost,
  unitId: 'dept-jn-zhujian',
});

test('a round runs from proposals to the published rating', async () => {
  // Staff open the round; a schedule out of order is refused.
  expect(await t.call('project.openRound', roundPayload({ commentsUntil: '2026-11-20' }), { openid: CITY })).toMatchObject({ ok: false, code: 'PROJECT.SCHEDULE_INVALID' });
  expect(await t.call('project.openRound', roundPayload(), { openid: 'demo-staff-beishan' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
  const roundId = await openRound(t);
  expect(ok(await t.call('project.getRound', { roundId })).stage).toBe('proposing');

  // Residents propose; one proposal WeChat wants reviewed waits for staff.
  const resident = freshId('prj-resident');
  const { proposal } = ok(
    await t.call(
      'project.propose',
      { roundId, clientRequestId: freshId('req'), title: '背街小巷路灯亮化', description: '南湖街道几条背街小巷没有路灯，晚上老人孩子出行不安全。', place: '南湖街道' },
      { openid: resident },
    ),
  );
  expect(proposal.state).toBe('published');
  const { proposal: held } = ok(
    await t.call(
      'project.propose',
      { roundId, clientRequestId: freshId('req'), title: '社区食堂建设', description: '建议在社区建食堂，加微信领红包的活动也可以一起办。', place: '湖滨社区' },
      { openid: resident },
    ),
  );
  expect(held.state).toBe('held');
  expect(ok(await t.call('project.listProposals', { roundId }, { openid: freshId('prj-other') })).proposals).toEqual([]);
  expect(ok(await t.call('project.listProposals', { roundId }, { openid: CITY })).proposals.map((p) => p.state)).toEqual(['published', 'held']);
  // A held proposal is no candidate until staff publish it.
  expect(await t.call('project.addCandidate', { roundId, ...candidateFields('社区食堂建设', 200), proposalIds: [held.proposalId] }, { openid: CITY })).toMatchObject({
    ok: false,
    code: 'PROJECT.SOURCE_UNAVAILABLE',
  });
  ok(await t.call('project.review', { kind: 'proposal', id: held.proposalId, decision: 'approve' }, { openid: CITY }));
  expect(await t.call('project.review', { kind: 'proposal', id: held.proposalId, decision: 'reject' }, { openid: CITY })).toMatchObject({
    ok: false,
    code: 'PROJECT.ALREADY_REVIEWED',
  });

  // Staff make the list: from proposals, from an opinion already received, and their own.
  const opinion = await residentOpinion(t, resident, { stationId: 'st-nanhu' });
  const c1 = ok(await t.call('project.addCandidate', { roundId, ...candidateFields('背街小巷路灯亮化', 120), proposalIds: [proposal.proposalId] }, { openid: CITY })).candidate;
  const c2 = ok(await t.call('project.addCandidate', { roundId, ...candidateFields('社区食堂建设', 200), proposalIds: [held.proposalId] }, { openid: CITY })).candidate;
  expect(await t.call('project.publishCandidates', { roundId }, { openid: CITY })).toMatchObject({ ok: false, code: 'PROJECT.TOO_FEW_CANDIDATES' });
  const c3 = ok(await t.call('project.addCandidate', { roundId, ...candidateFields('公交站台遮雨棚', 300), opinionIds: [opinion.opinionId] }, { openid: CITY })).candidate;
  const c4 = ok(await t.call('project.addCandidate', { roundId, ...candidateFields('城区公厕改造提升', 300) }, { openid: CITY })).candidate;
  expect([c1.number, c2.number, c3.number, c4.number]).toEqual([1, 2, 3, 4]);
  expect(ok(await t.call('project.listProposals', { roundId }, { openid: CITY })).proposals.map((p) => p.candidateId)).toEqual([c1.candidateId, c2.candidateId]);
  // Not published yet: the public sees no list and cannot open a candidate.
  expect(ok(await t.call('project.getRound', { roundId }, { openid: resident })).candidates).toEqual([]);
  expect(await t.call('project.getCandidate', { candidateId: c1.candidateId }, { openid: resident })).toMatchObject({ ok: false, code: 'PROJECT.NOT_FOUND' });

  // Proposals close; staff publish; residents comment (personal details masked, no author).
  t.clock.set(shanghaiInstant('2026-11-26', '10:00'));
  expect(
    await t.call(
      'project.propose',
      { roundId, clientRequestId: freshId('req'), title: '晚到的建议', description: '征集已经截止了，这条建议不应被接收。', place: '临江市' },
      { openid: resident },
    ),
  ).toMatchObject({
    ok: false,
    code: 'PROJECT.STAGE_CLOSED',
  });
  expect(ok(await t.call('project.publishCandidates', { roundId }, { openid: CITY })).round.stage).toBe('commenting');
  const said = ok(
    await t.call('project.comment', { candidateId: c1.candidateId, clientRequestId: freshId('req'), text: '非常支持，有问题可以打我电话13812345678联系。' }, { openid: resident }),
  );
  expect(said).toMatchObject({ published: true, comment: { text: '非常支持，有问题可以打我电话[电话已隐去]联系。' } });
  const publicView = ok(await t.call('project.getCandidate', { candidateId: c1.candidateId }));
  expect(publicView.comments).toEqual([{ commentId: said.comment.commentId, text: '非常支持，有问题可以打我电话[电话已隐去]联系。', date: '2026-11-26' }]);
  expect(JSON.stringify(publicView)).not.toContain(resident);

  // Before the window: nobody votes.
  expect(await t.call('project.vote', { roundId, choices: [c1.candidateId] }, { openid: deputies.liu })).toMatchObject({ ok: false, code: 'PROJECT.STAGE_CLOSED' });

  // The vote: deputies of 临江市's congress, once each, 1..2 of 4.
  t.clock.set(shanghaiInstant('2026-12-10', '09:30'));
  expect(await t.call('project.comment', { candidateId: c1.candidateId, clientRequestId: freshId('req'), text: '评论期已过' }, { openid: resident })).toMatchObject({
    ok: false,
    code: 'PROJECT.STAGE_CLOSED',
  });
  expect(ok(await t.call('project.getRound', { roundId }, { openid: deputies.liu })).me).toEqual({ eligible: true, voted: false });
  expect(await t.call('project.vote', { roundId, choices: [c1.candidateId, c2.candidateId, c3.candidateId] }, { openid: deputies.liu })).toMatchObject({
    ok: false,
    code: 'PROJECT.BALLOT_INVALID',
  });
  expect(await t.call('project.vote', { roundId, choices: [c1.candidateId, c1.candidateId] }, { openid: deputies.liu })).toMatchObject({
    ok: false,
    code: 'PROJECT.BALLOT_INVALID',
  });
  expect(ok(await t.call('project.vote', { roundId, choices: [c1.candidateId, c3.candidateId] }, { openid: deputies.liu }))).toEqual({ voted: true });
  expect(await t.call('project.vote', { roundId, choices: [c2.candidateId] }, { openid: deputies.liu })).toMatchObject({ ok: false, code: 'PROJECT.ALREADY_VOTED' });
  ok(await t.call('project.vote', { roundId, choices: [c3.candidateId, c1.candidateId] }, { openid: deputies.zhao }));
  ok(await t.call('project.vote', { roundId, choices: [c4.candidateId, c2.candidateId] }, { openid: deputies.zhang }));
  // 吴海波 is a 区人大代表: not of the city's congress.
  expect(await t.call('project.vote', { roundId, choices: [c1.candidateId] }, { openid: deputies.wu })).toMatchObject({ ok: false, code: 'PROJECT.NOT_ELIGIBLE' });
  expect(await t.call('project.vote', { roundId, choices: [c1.candidateId] }, { openid: freshId('prj-res') })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
  // While the window is open nobody sees a count.
  const during = ok(await t.call('project.getRound', { roundId }, { openid: CITY }));
  expect({ result: during.result, votes: during.candidates.map((c) => c.votes) }).toEqual({ result: null, votes: [null, null, null, null] });
  expect(ok(await t.call('project.getRound', { roundId }, { openid: deputies.liu })).me).toEqual({ eligible: true, voted: true });

  // The window closes: the count is published. c1 and c3 have a majority; c2 and c4 one vote each.
  t.clock.set(shanghaiInstant('2026-12-10', '12:00'));
  expect(await t.call('project.vote', { roundId, choices: [c1.candidateId] }, { openid: deputies.zhang })).toMatchObject({ ok: false, code: 'PROJECT.STAGE_CLOSED' });
  const counted = ok(await t.call('project.getRound', { roundId }));
  expect(counted.stage).toBe('delivering');
  expect(counted.result).toMatchObject({ ballots: 3, chosenCount: 2 });
  expect(counted.candidates.map((c) => [c.number, c.votes, c.chosen])).toEqual([
    [1, 2, true],
    [2, 1, false],
    [3, 2, true],
    [4, 1, false],
  ]);

  // Delivery: a resident follows; the unit reports; followers hear of milestones.
  ok(await t.call('project.follow', { candidateId: c1.candidateId, follow: true }, { openid: resident }));
  // Following, they allowed two progress messages; 开工 and 竣工 spend them.
  for (const _time of [1, 2]) await allowMessages(t, resident, 'lxq-project-milestone');
  const before = (await outbox(t)).length;
  expect(await t.call('project.reportProgress', { candidateId: c2.candidateId, percent: 10, note: '未入选项目' }, { openid: JN_HOUSING_HANDLER })).toMatchObject({
    ok: false,
    code: 'PROJECT.PROGRESS_INVALID',
  });
  expect(await t.call('project.reportProgress', { candidateId: c1.candidateId, percent: 10, note: '别的单位' }, { openid: JN_CIVIL_HANDLER })).toMatchObject({
    ok: false,
    code: 'AUTH.FORBIDDEN',
  });
  t.clock.set(shanghaiInstant('2027-03-01', '10:00'));
  const started = ok(
    await t.call('project.reportProgress', { candidateId: c1.candidateId, percent: 30, milestone: '完成招标', note: '已完成招标，施工队进场。' }, { openid: JN_HOUSING_HANDLER }),
  );
  expect(started.candidate).toMatchObject({ percent: 30, deliveryState: 'started' });
  expect(started.told).toBe(1);
  const sent = (await outbox(t)).slice(before).map((m) => m.request);
  expect(sent).toEqual([expect.objectContaining({ touser: resident, template_id: 'lxq-project-milestone' })]);
  expect(await t.call('project.reportProgress', { candidateId: c1.candidateId, percent: 20, note: '倒退' }, { openid: JN_HOUSING_HANDLER })).toMatchObject({
    ok: false,
    code: 'PROJECT.PROGRESS_INVALID',
  });
  ok(await t.call('project.inspect', { candidateId: c1.candidateId, note: '现场查看了施工进度，建议加快雨季前的管线施工。' }, { openid: deputies.zhao }));
  // A milestone between 开工 and 竣工 is news, not worth the resident's last acceptance: it waits in 我的消息.
  const midway = ok(
    await t.call('project.reportProgress', { candidateId: c1.candidateId, percent: 60, milestone: '主干道完工', note: '主干道路灯安装完成。' }, { openid: JN_HOUSING_HANDLER }),
  );
  expect(midway.told).toBe(0);
  expect(ok(await t.call('account.listMessages', {}, { openid: resident })).items).toEqual([expect.objectContaining({ event: 'project.progress', body: '主干道完工' })]);
  t.clock.set(shanghaiInstant('2027-09-30', '10:00'));
  expect(ok(await t.call('project.reportProgress', { candidateId: c1.candidateId, percent: 100, note: '全部路灯通电亮灯。' }, { openid: JN_HOUSING_HANDLER })).told).toBe(1);
  const delivered = ok(await t.call('project.getCandidate', { candidateId: c1.candidateId }, { openid: resident }));
  expect(delivered).toMatchObject({ percent: 100, deliveryState: 'completed', following: true, ratings: null });
  expect(delivered.progress.map((p) => [p.percent, p.milestone])).toEqual([
    [30, '完成招标'],
    [60, '主干道完工'],
    [100, null],
  ]);
  expect(delivered.inspections).toEqual([{ deputyName: '赵红梅', note: '现场查看了施工进度，建议加快雨季前的管线施工。', date: '2027-03-01' }]);

  // Year end: deputies rate once each; the result is published when the rating closes.
  expect(await t.call('project.rate', { candidateId: c1.candidateId, rating: 'satisfied' }, { openid: deputies.liu })).toMatchObject({ ok: false, code: 'PROJECT.STAGE_CLOSED' });
  t.clock.set(shanghaiInstant('2027-12-05', '10:00'));
  ok(await t.call('project.rate', { candidateId: c1.candidateId, rating: 'satisfied' }, { openid: deputies.liu }));
  ok(await t.call('project.rate', { candidateId: c1.candidateId, rating: 'basicallySatisfied' }, { openid: deputies.zhao }));
  ok(await t.call('project.rate', { candidateId: c1.candidateId, rating: 'dissatisfied' }, { openid: deputies.zhang }));
  expect(await t.call('project.rate', { candidateId: c1.candidateId, rating: 'satisfied' }, { openid: deputies.zhang })).toMatchObject({
    ok: false,
    code: 'PROJECT.ALREADY_RATED',
  });
  expect(await t.call('project.rate', { candidateId: c2.candidateId, rating: 'satisfied' }, { openid: deputies.zhang })).toMatchObject({ ok: false, code: 'PROJECT.STAGE_CLOSED' });
  expect(ok(await t.call('project.getCandidate', { candidateId: c1.candidateId })).ratings).toBeNull();
  t.clock.set(shanghaiInstant('2028-01-01', '10:00'));
  const rated = ok(await t.call('project.getCandidate', { candidateId: c1.candidateId }));
  expect(rated).toMatchObject({ stage: 'closed', ratings: { satisfied: 1, basicallySatisfied: 1, dissatisfied: 1 }, raterCount: 3, satisfactionPermille: 667 });
});
