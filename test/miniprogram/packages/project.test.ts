/** @jest-environment jsdom */
/**
 * 民生实事项目票决 on the real pages against the real local runtime: a resident proposes a
 * project while a round collects them; comments on a published candidate; reads a finished
 * round's published tally, opens a chosen project with its milestones and follows it; a deputy
 * casts one secret ballot (between min and max) and then sees 已投票; a deputy rates a project at
 * year end.
 */
import { COLLECTIONS } from '../../../infra/database';
import { candidateIdFor } from '../../../infra/documents/projects';
import { addDays, shanghaiDate } from '../../../miniprogram/shared/domain/time';
import { DEMO_FINISHED_ROUND, DEMO_RUNNING_ROUND } from '../../../runtime/seed/demoProjects';
import { pageClock } from '../support/local-runtime';
import { openReadyPage } from '../support/page';
import { roundOpening } from '../../support/projects';
import { callAs, CITY_STAFF } from '../support/runtime-calls';
import { insertDocuments } from '../support/runtime-store';
import { usePagePhones } from '../support/phones';
import { queryOf } from '../support/wx-dialogs';
import { submitCorrecting } from '../support/forms';

const LIU = 'demo-deputy-liu';
const HOUR = 3_600_000;

const { runtime, phoneOf } = usePagePhones();

/** A round of 临江市 placed straight into the store at a stage no action reaches at this hour, with two candidates. */
function placeRound(roundId: string, window: { voteFrom: Date; voteUntil: Date; ratingFrom: string; ratingUntil: string }, chosen: boolean): string[] {
  const now = pageClock().now();
  const today = shanghaiDate(now);
  const ids = [candidateIdFor(roundId, 1), candidateIdFor(roundId, 2)];
  insertDocuments(runtime.url, COLLECTIONS.projectRounds, [
    {
      _id: roundId,
      areaId: 'area-linjiang',
      areaName: '临江市',
      areaKind: 'city',
      areaPath: ['area-linjiang'],
      year: Number(today.slice(0, 4)),
      title: '临江市民生实事项目票决（页面测试）',
      proposalsUntil: addDays(today, -30),
      commentsUntil: addDays(today, -20),
      voteFrom: window.voteFrom.toISOString(),
      voteUntil: window.voteUntil.toISOString(),
      ratingFrom: window.ratingFrom,
      ratingUntil: window.ratingUntil,
      minChoices: 1,
      maxChoices: 1,
      tieRule: 'lowerCost',
      candidatesPublished: true,
      candidatesPublishedAt: new Date(now.getTime() - 30 * 24 * HOUR).toISOString(),
      candidateCount: 2,
      result: chosen
        ? {
            countedAt: window.voteUntil.toISOString(),
            ballots: 2,
            eligible: 3,
            rows: [
              { candidateId: ids[0], votes: 2, rank: 1, chosen: true, decidedByTieRule: false },
              { candidateId: ids[1], votes: 0, rank: 2, chosen: false, decidedByTieRule: false },
            ],
          }
        : null,
      createdAt: new Date(now.getTime() - 40 * 24 * HOUR).toISOString(),
      createdBy: CITY_STAFF,
      updatedAt: new Date(now.getTime() - 40 * 24 * HOUR).toISOString(),
    },
  ]);
  insertDocuments(
    runtime.url,
    COLLECTIONS.projectCandidates,
    ['社区食堂建设', '城区公厕改造提升'].map((title, index) => ({
      _id: ids[index],
      roundId,
      areaPath: ['area-linjiang'],
      number: index + 1,
      title,
      description: '根据群众建议在城区统筹实施，年内完成建设并投入使用。',
      place: '临江市城区',
      cost: 100 + index,
      unitId: 'dept-city-zhujian',
      unitName: '临江市住房和城乡建设局',
      proposalIds: [],
      opinionIds: [],
      chosen: chosen && index === 0,
      percent: chosen && index === 0 ? 100 : 0,
      startedAt: null,
      completedAt: null,
      progress: [],
      inspections: [],
      ratings: { satisfied: 0, basicallySatisfied: 0, dissatisfied: 0 },
      raters: [],
      createdAt: new Date(now.getTime() - 40 * 24 * HOUR).toISOString(),
      updatedAt: new Date(now.getTime() - 40 * 24 * HOUR).toISOString(),
    })),
  );
  insertDocuments(runtime.url, COLLECTIONS.projectBallotBoxes, [{ _id: roundId, roundId, voted: [], ballots: [] }]);
  return ids;
}

describe('民生实事项目票决 pages', () => {
  it('a resident proposes a project while the round collects proposals, and finds it among their own', async () => {
    const today = shanghaiDate(pageClock().now());
    const { round } = await callAs(
      runtime.url,
      CITY_STAFF,
      'project.openRound',
      roundOpening(
        today,
        { clientRequestId: 'page-project-round-01', year: Number(today.slice(0, 4)) + 1, title: '临江市明年民生实事项目票决' },
        { proposals: 7, comments: 14, vote: 20, ratingFrom: 300, ratingUntil: 320 },
      ),
    );
    const wx = phoneOf('page-project-proposer');
    const page = await openReadyPage('projectRound', { roundId: round.roundId }, 'the round');
    expect(page.text()).toContain('当前阶段：');
    await submitCorrecting(page, '提交建议', [
      {
        says: '请填写项目名称',
        type: { '.proposal-title': '湖滨社区增设充电桩', '.proposal-place': '湖滨社区', '.proposal-text': '小区电动自行车多，充电难，希望集中建设充电棚。' },
      },
    ]);
    await page.waitFor(() => wx.toasts.includes('建议已提交，审核通过后公开'), 'the proposal');
    const { proposals } = await callAs(runtime.url, 'page-project-proposer', 'project.listProposals', { roundId: round.roundId });
    expect(proposals.map((p) => p.title)).toEqual(['湖滨社区增设充电桩']);
  });

  it('a resident comments on a published candidate during the comment period', async () => {
    const wx = phoneOf('page-project-commenter');
    const page = await openReadyPage('projectCandidate', { candidateId: candidateIdFor(DEMO_RUNNING_ROUND, 1) }, 'the candidate');
    await page.type('.comment-input', '建议优先改造老城区的公厕，联系我13912345678');
    await page.tap('发表意见');
    await page.waitFor(() => wx.toasts.length > 0, 'the comment');
    await page.waitFor(() => page.text().includes('联系我[电话已隐去]'), 'the comment shown, masked');
    expect(page.text()).not.toContain('13912345678');
  });

  it('a finished round shows its published tally; a chosen project shows its milestones and can be followed', async () => {
    const wx = phoneOf('page-project-follower');
    const round = await openReadyPage('projectRound', { roundId: DEMO_FINISHED_ROUND }, 'the round');
    expect(round.text()).toContain('投票结果已公布');
    expect(round.text()).toMatch(/得票 \d+ · 第1名 · 已确定/);
    await round.tap('1. 老旧小区加装电梯');
    await round.waitFor(() => wx.navigations.length > 0, 'navigation');
    expect(wx.navigations[0]).toBe(`/packages/project/candidate/index?candidateId=${candidateIdFor(DEMO_FINISHED_ROUND, 1)}`);

    const page = await openReadyPage('projectCandidate', queryOf(wx.navigations[0]!), 'the project');
    expect(page.text()).toContain('已竣工 · 进度 100%');
    expect(page.text()).toContain('项目进展');
    expect(page.text()).toContain('代表满意度测评：满意1人，基本满意1人，不满意0人');
    await page.tap('关注项目进展');
    await page.waitFor(() => page.text().includes('已关注 · 取消关注'), 'following');
  });

  it('a deputy casts one ballot of the allowed size and then sees 已投票', async () => {
    const now = pageClock().now();
    placeRound(
      'page-round-voting',
      {
        voteFrom: new Date(now.getTime() - HOUR),
        voteUntil: new Date(now.getTime() + 24 * HOUR),
        ratingFrom: addDays(shanghaiDate(now), 30),
        ratingUntil: addDays(shanghaiDate(now), 40),
      },
      false,
    );
    phoneOf(LIU);
    const page = await openReadyPage('projectRound', { roundId: 'page-round-voting' }, 'the round');
    expect(page.text()).toContain('请选择项目后投票（无记名）');
    await page.tap('投票');
    expect(page.text()).toContain('请选择 1 至 1 个项目，已选 0 个');
    const [first] = page.data.view ? ((page.data.view as { candidates: Array<{ candidateId: string }> }).candidates ?? []) : [];
    expect(first).toBeDefined();
    await page.tap('选择');
    expect(page.text()).toContain('已选 1 个');
    await page.tap('投票');
    await page.waitFor(() => page.text().includes('已投票'), 'the vote');
    expect(page.text()).not.toContain('请选择项目后投票');
    expect(page.text()).not.toContain('选择');
  });

  it('a deputy rates a chosen project once at year end', async () => {
    const now = pageClock().now();
    const today = shanghaiDate(now);
    const [chosen] = placeRound(
      'page-round-rating',
      { voteFrom: new Date(now.getTime() - 100 * 24 * HOUR), voteUntil: new Date(now.getTime() - 99 * 24 * HOUR), ratingFrom: addDays(today, -1), ratingUntil: addDays(today, 5) },
      true,
    );
    phoneOf(LIU);
    const page = await openReadyPage('projectCandidate', { candidateId: chosen! }, 'the project');
    expect(page.text()).toContain('代表年终满意度测评');
    await page.tap('满意');
    await page.waitFor(() => page.text().includes('您的测评：满意'), 'the rating');
    expect(page.text()).not.toContain('代表年终满意度测评');
  });

  it('a resident opens 民生实事项目票决 from a station: the rounds of its areas, running and finished, a page at a time; a tap opens one', async () => {
    const older = Array.from({ length: 21 }, (_, i) => ({
      _id: `page-rounds-qingshi-${String(i).padStart(2, '0')}`,
      areaId: 'area-qingshi',
      areaName: '青石镇',
      areaKind: 'township',
      areaPath: ['area-linjiang', 'area-jiangnan', 'area-qingshi'],
      year: 2000 + i,
      title: `青石镇${2000 + i}年民生实事项目票决`,
      proposalsUntil: `${2000 + i}-02-01`,
      commentsUntil: `${2000 + i}-02-20`,
      voteFrom: `${2000 + i}-03-01T01:00:00.000Z`,
      voteUntil: `${2000 + i}-03-01T04:00:00.000Z`,
      ratingFrom: `${2000 + i}-12-01`,
      ratingUntil: `${2000 + i}-12-20`,
      minChoices: 1,
      maxChoices: 3,
      tieRule: 'lowerCost',
      candidatesPublished: true,
      candidateCount: 0,
      result: null,
      createdAt: `${2000 + i}-01-05T01:00:00.000Z`,
      createdBy: CITY_STAFF,
    }));
    insertDocuments(runtime.url, COLLECTIONS.projectRounds, older);
    const running = await callAs(runtime.url, 'page-rounds-reader', 'project.getRound', { roundId: DEMO_RUNNING_ROUND });
    const finished = await callAs(runtime.url, 'page-rounds-reader', 'project.getRound', { roundId: DEMO_FINISHED_ROUND });
    const wx = phoneOf('page-rounds-reader');

    const page = await openReadyPage('projectRounds', { stationId: 'st-qingshi' }, 'the rounds');
    expect(page.text()).toContain(running.title);
    expect(page.text()).toContain(running.stageLabel);
    expect(page.text()).toContain(finished.title);
    expect(page.text()).toContain('江南区 · ');
    expect(page.text()).not.toContain('青石镇2000年');
    expect(page.data.hasMore).toBe(true);
    await page.lifecycle('onReachBottom');
    await page.waitFor(() => page.text().includes('青石镇2000年民生实事项目票决'), 'the next page');
    const rounds = page.data.items as Array<{ title: string; roundId: string }>;
    const titles = rounds.map((r) => r.title);
    // No round twice across pages (earlier tests of this file opened rounds of the same title).
    expect(new Set(rounds.map((r) => r.roundId)).size).toBe(rounds.length);
    expect(titles.filter((title) => title.startsWith('青石镇'))).toHaveLength(21);

    const beishan = await openReadyPage('projectRounds', { stationId: 'st-beishan' }, '北山镇 rounds');
    expect(beishan.text()).toContain(running.title);
    expect(beishan.text()).not.toContain(finished.title);
    expect(beishan.text()).not.toContain('青石镇');
    await beishan.tap(running.title);
    expect(wx.navigations.at(-1)).toBe(`/packages/project/round/index?roundId=${DEMO_RUNNING_ROUND}`);
  });
});
