import { COLLECTIONS } from '../../infra/database';
import { candidateIdFor, type BallotBoxDocument, type CandidateDocument, type ProposalDocument, type RoundDocument } from '../../infra/documents/projects';
import { NO_RATINGS, tally, type RatingCounts } from '../../miniprogram/shared/domain/project';
import { addDays, shanghaiDate, shanghaiInstant, yearOf } from '../../miniprogram/shared/domain/time';

/**
 * Two rounds of 民生实事项目票决, placed relative to the demo's start: 江南区's round of last year,
 * finished (voted by its 区人大代表 吴海波 and 郑春兰, delivered, rated and published), and 临江市's
 * round of this year, its candidate list published and open for residents' comments, the vote ten
 * days ahead.
 */
export const DEMO_FINISHED_ROUND = 'demo-round-jiangnan';
export const DEMO_RUNNING_ROUND = 'demo-round-linjiang';

const DESCRIPTION = '根据群众在联络站反映的意见和代表调研情况提出，由实施单位统筹建设，年内完成并投入使用。';

interface DemoCandidate {
  title: string;
  place: string;
  cost: number;
  unitId: string;
  unitName: string;
  percent?: number;
  ratings?: RatingCounts;
}

function round(
  id: string,
  area: Pick<RoundDocument, 'areaId' | 'areaName' | 'areaKind' | 'areaPath'>,
  fields: Partial<RoundDocument> & Pick<RoundDocument, 'year' | 'title'>,
  at: Date,
): RoundDocument {
  return {
    _id: id,
    ...area,
    proposalsUntil: '',
    commentsUntil: '',
    voteFrom: at,
    voteUntil: at,
    ratingFrom: '',
    ratingUntil: '',
    minChoices: 1,
    maxChoices: 2,
    tieRule: 'lowerCost',
    candidatesPublished: true,
    candidatesPublishedAt: at,
    candidateCount: 0,
    result: null,
    createdAt: at,
    createdBy: 'demo-staff-city',
    updatedAt: at,
    ...fields,
  };
}

function candidates(roundId: string, areaPath: string[], list: DemoCandidate[], at: Date): CandidateDocument[] {
  return list.map((c, index) => {
    const percent = c.percent ?? 0;
    const progressAt = new Date(at.getTime() + 90 * 86_400_000);
    return {
      _id: candidateIdFor(roundId, index + 1),
      roundId,
      areaPath,
      number: index + 1,
      title: c.title,
      description: DESCRIPTION,
      place: c.place,
      cost: c.cost,
      unitId: c.unitId,
      unitName: c.unitName,
      proposalIds: [],
      opinionIds: [],
      chosen: percent > 0,
      percent,
      startedAt: percent > 0 ? progressAt : null,
      completedAt: percent >= 100 ? progressAt : null,
      progress:
        percent > 0
          ? [
              { percent: 30, milestone: '完成招标', note: '完成招标，施工单位进场。', photos: [], by: { role: 'handler' as const, name: c.unitName }, at: progressAt },
              {
                percent,
                milestone: percent >= 100 ? '竣工验收' : null,
                note: percent >= 100 ? '项目竣工验收，投入使用。' : '主体工程施工中。',
                photos: [],
                by: { role: 'handler' as const, name: c.unitName },
                at: progressAt,
              },
            ]
          : [],
      inspections: percent > 0 ? [{ deputyId: 'dp-009', deputyName: '吴海波', note: '到现场查看了施工进度和质量，群众反映良好。', at: progressAt }] : [],
      ratings: c.ratings ?? { ...NO_RATINGS },
      raters: c.ratings ? ['dp-009', 'dp-010'] : [],
      createdAt: at,
      updatedAt: at,
    };
  });
}

export function demoProjects(now: Date): { rounds: RoundDocument[]; candidates: CandidateDocument[]; boxes: BallotBoxDocument[]; proposals: ProposalDocument[] } {
  const today = shanghaiDate(now);
  const year = yearOf(today);

  // Last year's round in 江南区: voted, delivered, rated; the rating closed ten days ago.
  const jiangnan = { areaId: 'area-jiangnan', areaName: '江南区', areaKind: 'district' as const, areaPath: ['area-linjiang', 'area-jiangnan'] };
  const voteDay = addDays(today, -380);
  const finishedAt = shanghaiInstant(addDays(today, -420));
  const finishedList = candidates(
    DEMO_FINISHED_ROUND,
    jiangnan.areaPath,
    [
      {
        title: '老旧小区加装电梯',
        place: '南湖街道湖滨社区',
        cost: 860,
        unitId: 'dept-jn-zhujian',
        unitName: '江南区住房和城乡建设局',
        percent: 100,
        ratings: { satisfied: 1, basicallySatisfied: 1, dissatisfied: 0 },
      },
      {
        title: '社区居家养老服务站',
        place: '青石镇',
        cost: 320,
        unitId: 'dept-jn-minzheng',
        unitName: '江南区民政局',
        percent: 100,
        ratings: { satisfied: 2, basicallySatisfied: 0, dissatisfied: 0 },
      },
      { title: '公交站台遮雨棚改造', place: '江南区主城区', cost: 150, unitId: 'dept-jn-jiaotong', unitName: '江南区交通运输局' },
      { title: '背街小巷路灯亮化', place: '南湖街道', cost: 90, unitId: 'dept-jn-zhujian', unitName: '江南区住房和城乡建设局' },
    ],
    finishedAt,
  );
  const [first = '', second = ''] = finishedList.map((c) => c._id);
  // The ballots as the box holds them: choices only, sorted, no voter.
  const ballots = [{ choices: [first, second].sort() }, { choices: [first, second].sort() }];
  const counted = tally(
    finishedList.map((c) => ({ candidateId: c._id, number: c.number, cost: c.cost })),
    ballots,
    { maxChoices: 2, tieRule: 'lowerCost' },
  );
  const finished = round(
    DEMO_FINISHED_ROUND,
    jiangnan,
    {
      year: year - 1,
      title: `江南区${year - 1}年民生实事项目票决`,
      proposalsUntil: addDays(today, -410),
      commentsUntil: addDays(today, -390),
      voteFrom: shanghaiInstant(voteDay, '09:00'),
      voteUntil: shanghaiInstant(voteDay, '12:00'),
      ratingFrom: addDays(today, -40),
      ratingUntil: addDays(today, -10),
      candidateCount: finishedList.length,
      result: { countedAt: shanghaiInstant(voteDay, '12:00'), ballots: ballots.length, eligible: 2, rows: counted.rows },
    },
    finishedAt,
  );

  // This year's round of 临江市: candidates published, comments open, the vote ten days ahead.
  const linjiang = { areaId: 'area-linjiang', areaName: '临江市', areaKind: 'city' as const, areaPath: ['area-linjiang'] };
  const openedAt = shanghaiInstant(addDays(today, -30));
  const runningList = candidates(
    DEMO_RUNNING_ROUND,
    linjiang.areaPath,
    [
      { title: '城区公厕改造提升', place: '临江市主城区', cost: 1200, unitId: 'dept-city-zhujian', unitName: '临江市住房和城乡建设局' },
      { title: '新增公交微循环线路', place: '江北区、江南区', cost: 600, unitId: 'dept-city-jiaotong', unitName: '临江市交通运输局' },
      { title: '口袋公园建设', place: '临江街道、南湖街道', cost: 450, unitId: 'dept-city-zhujian', unitName: '临江市住房和城乡建设局' },
    ],
    openedAt,
  );
  const running = round(
    DEMO_RUNNING_ROUND,
    linjiang,
    {
      year,
      title: `临江市${year}年民生实事项目票决`,
      proposalsUntil: addDays(today, -10),
      commentsUntil: addDays(today, 7),
      voteFrom: shanghaiInstant(addDays(today, 10), '09:00'),
      voteUntil: shanghaiInstant(addDays(today, 10), '12:00'),
      ratingFrom: addDays(today, 300),
      ratingUntil: addDays(today, 330),
      candidateCount: runningList.length,
    },
    openedAt,
  );
  const proposals: ProposalDocument[] = [
    {
      _id: 'demo-proposal-001',
      roundId: DEMO_RUNNING_ROUND,
      areaPath: linjiang.areaPath,
      authorOpenid: 'demo-resident-001',
      opinionId: null,
      title: '口袋公园建设',
      description: '老城区居民家门口没有休闲活动的地方，建议利用边角地建设口袋公园。',
      place: '临江街道',
      moderation: { suggest: 'pass', state: 'published', awaitingReview: false },
      candidateId: candidateIdFor(DEMO_RUNNING_ROUND, 3),
      createdAt: openedAt,
    },
  ];
  return {
    rounds: [finished, running],
    candidates: [...finishedList, ...runningList],
    boxes: [
      { _id: DEMO_FINISHED_ROUND, roundId: DEMO_FINISHED_ROUND, voted: ['dp-009', 'dp-010'], ballots },
      { _id: DEMO_RUNNING_ROUND, roundId: DEMO_RUNNING_ROUND, voted: [], ballots: [] },
    ],
    proposals,
  };
}

export function demoProjectBatches(now: Date): Array<[string, object[]]> {
  const { rounds, candidates: list, boxes, proposals } = demoProjects(now);
  return [
    [COLLECTIONS.projectRounds, rounds],
    [COLLECTIONS.projectCandidates, list],
    [COLLECTIONS.projectBallotBoxes, boxes],
    [COLLECTIONS.projectProposals, proposals],
  ];
}
