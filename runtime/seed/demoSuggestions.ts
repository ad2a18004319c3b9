import { receivedCase } from './seededCase';
import { packageCalendar } from '../../cloudfunctions/core/workingCalendar';
import { dailyCounterId } from '../../cloudfunctions/core/trackingSequence';
import { COLLECTIONS } from '../../infra/database';
import type { OpinionDocument } from '../../infra/documents/opinions';
import { CONGRESS_LEVEL, newSuggestionDocument, withChange, type SessionDocument, type SuggestionDocument } from '../../infra/documents/suggestions';
import type { StaffScope } from '../../miniprogram/shared/domain/account';
import { DEFAULT_CASE_DEADLINES } from '../../miniprogram/shared/domain/caseDeadlines';
import { isRefusal, planRate, planReply, type CaseEnv } from '../../miniprogram/shared/domain/casework';
import type { OpinionCategory } from '../../miniprogram/shared/domain/opinion';
import {
  isSuggestionRefusal,
  planAnswer,
  planAssign,
  planDecideExtension,
  planFollowUp,
  planMarkKey,
  planReferBack,
  planRequestExtension,
  planReroute,
  planRespondInvitation,
  planReview,
  planSaveDraft,
  planSendView,
  planSubmit,
  planVerdict,
  type AnswerClass,
  type AssignMode,
  type ReviewDecision,
  type SuggestionActor,
  type SuggestionEnv,
  type SuggestionPlan,
  type Verdict,
} from '../../cloudfunctions/suggestion/machine';
import { DEFAULT_SUGGESTION_LIMITS } from '../../cloudfunctions/suggestion/limits';
import { addDays, shanghaiDate, shanghaiInstant } from '../../miniprogram/shared/domain/time';
import { DEMO_DEPARTMENTS } from './demoCasework';
import { DEMO_AREAS, DEMO_DEPUTIES, DEMO_STATIONS } from './demoData';

/**
 * Demo data for 代表建议: a session of 临江市's congress that has been accepting suggestions for four
 * months, with a session's worth of suggestions in every state — drafts with invitations to co-sign,
 * submitted, returned, turned into 一般意见, registered, assigned to 主办 and 协办 units and to 会办
 * units, an extension asked and one approved, sent back and re-routed (one bouncing), overdue on the
 * supervision list, 重点督办, answered A, B and C, 不满意 and 重新办理, closed, a B answer followed up —
 * and a session of 江南区's congress. The deputies and units who worked them have accounts (use their
 * _id as x-wx-openid), and the residents whose opinions fed them see it on their opinions. Every
 * suggestion is built by replaying the state machine's own planners, at Shanghai times before `now`.
 */

// ---------------------------------------------------------------------------------------------
// Who

/** 市人大代表 bound to WeChat accounts; 吴海波 (区人大代表) for 江南区's session. */
export const DEMO_DEPUTY_ACCOUNTS = [
  { _id: 'demo-deputy-liu', deputyId: 'dp-005' },
  { _id: 'demo-deputy-zhao', deputyId: 'dp-006' },
  { _id: 'demo-deputy-zhang', deputyId: 'dp-004' },
  { _id: 'demo-deputy-wu', deputyId: 'dp-009' },
].map(({ _id, deputyId }) => {
  const deputy = DEMO_DEPUTIES.find((d) => d._id === deputyId);
  if (!deputy) throw new Error(`demo deputy account: unknown deputy ${deputyId}`);
  return { _id, roles: ['resident', 'deputy'], deputy: { deputyId, name: deputy.name } };
});

const unitHandler = (_id: string, departmentId: string, staffName: string) => {
  const dept = DEMO_DEPARTMENTS.find((d) => d._id === departmentId);
  if (!dept) throw new Error(`demo unit handler ${_id}: unknown department ${departmentId}`);
  const staff: StaffScope = { role: 'handler', areaId: dept.areaId, departmentId: dept._id, departmentName: dept.name };
  return { _id, roles: ['resident', 'staff'], staff, staffName };
};

/** The city bureaus' handlers (江南区's and 江北区's are casework's: demo-handler-jn-zhujian …). */
export const DEMO_UNIT_ACCOUNTS = [
  unitHandler('demo-handler-city-zhujian', 'dept-city-zhujian', '孙科长'),
  unitHandler('demo-handler-city-jiaotong', 'dept-city-jiaotong', '周科长'),
];

/** A resident whose opinion a suggestion carries (opinion.getMine shows its progress). */
export const DEMO_SUGGESTION_RESIDENT = 'demo-resident-201';

// ---------------------------------------------------------------------------------------------
// Sessions

export const DEMO_CITY_SESSION = 'ss-demo-city-6';
export const DEMO_DISTRICT_SESSION = 'ss-demo-jn-5';

function session(_id: string, areaId: string, name: string, today: string, fromDaysAgo: number, untilDaysAhead: number, at: Date): SessionDocument {
  const area = DEMO_AREAS.find((a) => a._id === areaId);
  if (!area || !CONGRESS_LEVEL[area.kind]) throw new Error(`demo session ${_id}: no congress at ${areaId}`);
  return {
    _id,
    areaId,
    areaPath: area.path,
    areaName: area.name,
    areaKind: area.kind,
    name,
    acceptsFrom: addDays(today, -fromDaysAgo),
    acceptsUntil: addDays(today, untilDaysAhead),
    active: true,
    createdAt: at,
    updatedAt: at,
    updatedBy: 'demo-staff-city',
  };
}

// ---------------------------------------------------------------------------------------------
// The residents' opinions the suggestions came from (answered by the deputy, who took them up)

interface DemoSource {
  id: string;
  author: string;
  stationId: string;
  deputyId: string;
  daysAgo: number;
  category: OpinionCategory;
  text: string;
}

const SOURCES: DemoSource[] = [
  {
    id: 'op-sg-001',
    author: DEMO_SUGGESTION_RESIDENT,
    stationId: 'st-nanhu',
    deputyId: 'dp-005',
    daysAgo: 128,
    category: 'socialSecurity',
    text: '我是快递员，中午想找个地方喝口水、歇歇脚都找不到，能不能在社区设个休息点？',
  },
  {
    id: 'op-sg-002',
    author: 'demo-resident-202',
    stationId: 'st-nanhu',
    deputyId: 'dp-005',
    daysAgo: 127,
    category: 'socialSecurity',
    text: '外卖骑手手机没电了没处充，下雨天也没地方躲雨，希望代表帮忙呼吁一下。',
  },
  {
    id: 'op-sg-003',
    author: 'demo-resident-203',
    stationId: 'st-qingshi',
    deputyId: 'dp-006',
    daysAgo: 126,
    category: 'transport',
    text: '青石镇到城区的公交一小时才一班，上学上班很不方便，希望增加班次。',
  },
  {
    id: 'op-sg-004',
    author: 'demo-resident-204',
    stationId: 'st-linjiang',
    deputyId: 'dp-004',
    daysAgo: 126,
    category: 'elderlyCare',
    text: '老旧小区没有电梯，楼上的老人下不了楼，希望加快加装电梯。',
  },
];

const REPLY = '您反映的问题很有代表性，我已将它写进代表建议，提交市人民代表大会，办理情况会在这里告诉您。';

// ---------------------------------------------------------------------------------------------
// Suggestions

interface When {
  daysAgo: number;
  time: string;
}
const at = (daysAgo: number, time = '10:00'): When => ({ daysAgo, time });

type Step = { at: When } & (
  | { do: 'invite'; coSignerIds: string[] }
  | { do: 'respond'; deputyId: string; accept: boolean }
  | { do: 'submit' }
  | { do: 'review'; decision: ReviewDecision; note?: string }
  | { do: 'assign'; mode: AssignMode; lead: string; others?: string[]; note: string }
  | { do: 'markKey'; leader: string }
  | { do: 'view'; departmentId: string; text: string }
  | { do: 'requestExtension'; months: number; reason: string }
  | { do: 'decideExtension'; approve: boolean; note?: string }
  | { do: 'referBack'; departmentId: string; reason: string }
  | { do: 'reroute'; departmentId: string; note: string }
  | { do: 'answer'; answerClass: AnswerClass; text: string; reason?: string }
  | { do: 'rate'; verdict: Verdict; comment?: string }
  | { do: 'followUp'; answerClass: AnswerClass; text: string }
);

interface DemoSuggestion {
  id: string;
  sessionId: string;
  lead: string;
  drafted: When;
  title: string;
  cause: string;
  content: string;
  category: OpinionCategory;
  opinions?: string[];
  steps: Step[];
}

const CITY = DEMO_CITY_SESSION;

interface Drafted {
  /** What the residents keep running into; the 案由 says it came up at reception days. */
  problem: string;
  /** What the deputy proposes; the 建议 adds who leads, by when, and in the open. */
  remedy: string;
  opinions?: string[];
  sessionId?: string;
  steps: Step[];
}

/** A suggestion drafted by its lead deputy `daysAgo` (in 临江市's session unless another is named), then taken through its steps. */
function drafted(
  id: string,
  lead: string,
  daysAgo: number,
  category: OpinionCategory,
  title: string,
  { problem, remedy, opinions, sessionId = CITY, steps }: Drafted,
): DemoSuggestion {
  return {
    id,
    sessionId,
    lead,
    drafted: at(daysAgo),
    title,
    cause: `群众在接待日多次反映${problem}，影响日常生活，亟待解决。`,
    content: `建议${remedy}，明确牵头部门和完成时限，并向社会公布进展，接受群众和代表监督。`,
    category,
    ...(opinions && { opinions }),
    steps,
  };
}

/** Submitted `daysAgo` and reviewed two days later. */
function reviewed(daysAgo: number, decision: ReviewDecision, note?: string): Step[] {
  return [
    { at: at(daysAgo), do: 'submit' },
    { at: at(daysAgo - 2), do: 'review', decision, note },
  ];
}

/** The usual start: submitted `daysAgo`, registered (立案) two days later and assigned the day after. */
function assigned(daysAgo: number, assignment: Omit<Extract<Step, { do: 'assign' }>, 'at' | 'do'>): Step[] {
  return [...reviewed(daysAgo, 'register'), { at: at(daysAgo - 3), do: 'assign', ...assignment }];
}

export const DEMO_SUGGESTIONS: DemoSuggestion[] = [
  drafted('sg-demo-01', 'dp-005', 120, 'socialSecurity', '关于在城区设立快递员爱心驿站的建议', {
    problem: '快递员、外卖骑手休息、喝水、充电没有去处',
    remedy: '依托社区党群服务中心、加油站和商场设立快递员爱心驿站，提供饮水、充电、休息和如厕服务',
    opinions: ['op-sg-001', 'op-sg-002'],
    steps: [
      { at: at(120, '10:05'), do: 'invite', coSignerIds: ['dp-006', 'dp-004'] },
      { at: at(119), do: 'respond', deputyId: 'dp-006', accept: true },
      { at: at(119, '15:00'), do: 'respond', deputyId: 'dp-004', accept: true },
      { at: at(118), do: 'submit' },
      { at: at(115), do: 'review', decision: 'register', note: '群众反映集中，列为重点' },
      { at: at(114), do: 'assign', mode: 'lead', lead: 'dept-city-zhujian', others: ['dept-jn-zhujian'], note: '请住建局牵头，会同江南区研究选址' },
      { at: at(113), do: 'markKey', leader: '市人大常委会副主任王明' },
      { at: at(100), do: 'view', departmentId: 'dept-jn-zhujian', text: '湖滨社区服务中心一楼可腾出空间设置驿站。' },
      { at: at(70), do: 'answer', answerClass: 'B', text: '我局已会同市总工会制定全市爱心驿站建设方案，首批二十处正在选址建设。', reason: '年底前建成首批二十处' },
      { at: at(68), do: 'rate', verdict: 'basicallySatisfied', comment: '希望加快建设进度' },
    ],
  }),
  drafted('sg-demo-02', 'dp-006', 118, 'transport', '关于增加青石镇至城区公交班次的建议', {
    problem: '青石镇到城区公交班次少、等车时间长',
    remedy: '将青石镇至城区公交班次加密到半小时一班，早晚高峰增开区间车',
    opinions: ['op-sg-003'],
    steps: [
      ...assigned(117, { mode: 'joint', lead: 'dept-city-jiaotong', others: ['dept-jn-jiaotong'], note: '请市、区交通运输局会同办理' }),
      { at: at(100), do: 'view', departmentId: 'dept-jn-jiaotong', text: '同意增开区间车，区局负责沿线站点改造。' },
      { at: at(60), do: 'answer', answerClass: 'A', text: '青石镇至城区公交已加密为半小时一班，早晚高峰增开区间车四班。' },
      { at: at(58), do: 'rate', verdict: 'satisfied' },
    ],
  }),
  drafted('sg-demo-03', 'dp-004', 117, 'elderlyCare', '关于加快老旧小区加装电梯的建议', {
    problem: '老旧小区没有电梯，高龄老人上下楼困难',
    remedy: '简化老旧小区加装电梯审批流程，加大财政补贴，推广“一站式”代办服务',
    opinions: ['op-sg-004'],
    steps: [
      ...assigned(116, { mode: 'lead', lead: 'dept-city-zhujian', note: '请研究简化审批' }),
      { at: at(18), do: 'answer', answerClass: 'C', text: '加装电梯需全体业主同意，审批流程已是法定最简。', reason: '受现行法规限制，暂不能进一步简化' },
      { at: at(16), do: 'rate', verdict: 'dissatisfied', comment: '补贴和代办服务都没有回应' },
      { at: at(8), do: 'answer', answerClass: 'B', text: '已将加装电梯补贴提高到每台二十万元，并在各区设立代办服务窗口。', reason: '明年一季度全面推开' },
      { at: at(6), do: 'rate', verdict: 'satisfied' },
      { at: at(2), do: 'followUp', answerClass: 'A', text: '各区代办服务窗口已全部开设，本月已有十二台电梯开工加装。' },
    ],
  }),
  drafted('sg-demo-04', 'dp-005', 116, 'transport', '关于增设湖滨路过街天桥的建议', {
    problem: '湖滨路车流量大，行人过街不安全',
    remedy: '在湖滨路学校门口增设过街天桥或地下通道',
    steps: assigned(115, { mode: 'lead', lead: 'dept-city-jiaotong', note: '请研究' }),
  }),
  drafted('sg-demo-05', 'dp-006', 110, 'environment', '关于整治青石河沿岸垃圾的建议', {
    problem: '青石河沿岸垃圾堆积，夏季气味大',
    remedy: '开展青石河沿岸环境整治，设置垃圾收集点并落实日常保洁',
    steps: [
      ...reviewed(109, 'criticism', '属对工作落实不力的批评'),
      { at: at(106), do: 'assign', mode: 'lead', lead: 'dept-city-zhujian', note: '请限期整治' },
      { at: at(104), do: 'referBack', departmentId: 'dept-city-zhujian', reason: '河道保洁属区级职责' },
      { at: at(102), do: 'reroute', departmentId: 'dept-jn-zhujian', note: '改由江南区住建局办理' },
      { at: at(101), do: 'referBack', departmentId: 'dept-jn-zhujian', reason: '河道管理属水利部门' },
    ],
  }),
  drafted('sg-demo-06', 'dp-004', 60, 'governance', '关于规范共享单车停放的建议', {
    problem: '共享单车乱停乱放，占用盲道和人行道',
    remedy: '划设共享单车停放区，运营企业落实调度责任，对乱停放予以处罚',
    steps: [
      ...assigned(59, { mode: 'lead', lead: 'dept-city-jiaotong', others: ['dept-jb-zhujian'], note: '请交通局牵头' }),
      { at: at(40), do: 'requestExtension', months: 2, reason: '需与三家运营企业协商停放区设置方案。' },
      { at: at(38), do: 'decideExtension', approve: true, note: '同意延期两个月' },
    ],
  }),
  drafted('sg-demo-07', 'dp-005', 40, 'elderlyCare', '关于在社区增设老年助餐点的建议', {
    problem: '独居老人吃饭难',
    remedy: '在每个社区至少设立一个老年助餐点，对高龄和困难老人给予补贴',
    steps: [
      ...assigned(39, { mode: 'lead', lead: 'dept-jn-minzheng', note: '请民政局研究' }),
      { at: at(20), do: 'requestExtension', months: 1, reason: '助餐点补贴标准需报区政府审定。' },
    ],
  }),
  drafted('sg-demo-08', 'dp-006', 30, 'health', '关于加强农村饮用水安全保障的建议', {
    problem: '部分村组自来水水压不足、水质不稳定',
    remedy: '实施农村供水管网改造，建立水质定期检测和公示制度',
    steps: assigned(29, { mode: 'joint', lead: 'dept-city-zhujian', others: ['dept-qs-gov'], note: '请会同青石镇办理' }),
  }),
  drafted('sg-demo-09', 'dp-004', 25, 'environment', '关于建设城市绿道的建议', {
    problem: '城区缺少供市民散步、骑行的绿道',
    remedy: '沿江建设贯通城区的滨江绿道，配套建设驿站和公厕',
    steps: [
      ...assigned(24, { mode: 'lead', lead: 'dept-city-zhujian', note: '请研究' }),
      { at: at(5), do: 'answer', answerClass: 'A', text: '滨江绿道已纳入城市更新项目，首期十公里已开工建设。' },
    ],
  }),
  drafted('sg-demo-10', 'dp-005', 20, 'health', '关于延长社区卫生服务中心门诊时间的建议', {
    problem: '上班族看病只能请假',
    remedy: '社区卫生服务中心工作日延时至晚八点，周末半天开诊',
    steps: [
      ...assigned(19, { mode: 'lead', lead: 'dept-jb-weijian', note: '请卫健局研究' }),
      { at: at(6), do: 'answer', answerClass: 'B', text: '已在三家社区卫生服务中心试点延时门诊。', reason: '明年起全面推开' },
      { at: at(4), do: 'rate', verdict: 'dissatisfied', comment: '试点太少，请尽快全面推开' },
    ],
  }),
  drafted('sg-demo-11', 'dp-006', 15, 'other', '关于设立农产品直销点的建议', {
    problem: '农户卖菜难、市民买菜贵',
    remedy: '在城区社区设立农产品直销点，减免摊位费',
    steps: reviewed(14, 'register'),
  }),
  drafted('sg-demo-12', 'dp-004', 12, 'other', '关于举办城市马拉松的建议', {
    problem: '市民希望有更多全民健身活动',
    remedy: '每年举办城市马拉松，带动全民健身和城市旅游',
    steps: reviewed(11, 'general', '属活动安排，已转市体育局研究参考'),
  }),
  drafted('sg-demo-13', 'dp-005', 10, 'education', '关于增设学校周边停车位的建议', {
    problem: '接送孩子时学校周边停车难',
    remedy: '利用学校操场地下空间建设停车场，错时共享',
    steps: reviewed(9, 'return', '请补充具体学校名单和停车需求测算'),
  }),
  drafted('sg-demo-14', 'dp-006', 5, 'urbanConstruction', '关于完善乡村道路路灯的建议', {
    problem: '乡村道路夜间照明不足',
    remedy: '分年度为乡村主干道安装太阳能路灯',
    steps: [
      { at: at(5, '10:05'), do: 'invite', coSignerIds: ['dp-005'] },
      { at: at(4), do: 'respond', deputyId: 'dp-005', accept: true },
      { at: at(3), do: 'submit' },
    ],
  }),
  drafted('sg-demo-15', 'dp-005', 2, 'governance', '关于加强电动自行车充电安全管理的建议', {
    problem: '电动自行车楼道充电火灾隐患大',
    remedy: '在小区集中建设电动自行车充电桩，严禁楼道充电',
    steps: [{ at: at(2, '10:05'), do: 'invite', coSignerIds: ['dp-006', 'dp-004'] }],
  }),
  drafted('sg-demo-16', 'dp-004', 1, 'urbanConstruction', '关于公园增设无障碍设施的建议', {
    problem: '公园台阶多，轮椅和婴儿车通行不便',
    remedy: '对全市公园开展无障碍改造，增设坡道和无障碍卫生间',
    steps: [],
  }),
  drafted('sg-demo-17', 'dp-009', 8, 'transport', '关于优化江南区公交站台设置的建议', {
    problem: '部分公交站台距离小区太远',
    remedy: '对江南区公交站台布局进行优化调整，增设候车亭',
    sessionId: DEMO_DISTRICT_SESSION,
    steps: [{ at: at(7), do: 'submit' }],
  }),
];

// ---------------------------------------------------------------------------------------------
// Replaying

function instant(today: string, when: When): Date {
  return shanghaiInstant(addDays(today, -when.daysAgo), when.time);
}

function deputyOf(deputyId: string): { _id: string; name: string; stationIds: string[] } {
  const deputy = DEMO_DEPUTIES.find((d) => d._id === deputyId);
  if (!deputy) throw new Error(`demo suggestion: unknown deputy ${deputyId}`);
  return deputy;
}

function unitOf(departmentId: string): { _id: string; name: string } {
  const dept = DEMO_DEPARTMENTS.find((d) => d._id === departmentId);
  if (!dept) throw new Error(`demo suggestion: unknown department ${departmentId}`);
  return { _id: dept._id, name: dept.name };
}

function handlerOf(departmentId: string): SuggestionActor {
  return { role: 'handler', id: `demo-handler-${departmentId.replace(/^dept-/, '')}`, name: unitOf(departmentId).name };
}

const STAFF: SuggestionActor = { role: 'staff', id: 'demo-staff-city' };

function sourceOpinion(source: DemoSource, today: string, sequence: number): OpinionDocument {
  const station = DEMO_STATIONS.find((s) => s._id === source.stationId);
  const deputy = deputyOf(source.deputyId);
  if (!station) throw new Error(`demo source ${source.id}: unknown station`);
  const createdAt = shanghaiInstant(addDays(today, -source.daysAgo), '19:00');
  const env: Omit<CaseEnv, 'now'> = { deadlines: DEFAULT_CASE_DEADLINES, calendar: packageCalendar };
  let doc = receivedCase({ ...source, contact: null }, { deputy, station }, createdAt, sequence);
  const actor = { role: 'deputy' as const, id: deputy._id, name: deputy.name };
  const repliedAt = shanghaiInstant(addDays(today, -source.daysAgo + 1), '09:00');
  const reply = planReply(doc, { text: REPLY }, { ...env, now: repliedAt }, actor);
  if (isRefusal(reply)) throw new Error(`demo source ${source.id}: reply refused`);
  doc = { ...doc, ...reply.set, reply: { text: REPLY, at: repliedAt, deputyId: deputy._id, deputyName: deputy.name }, timeline: [...doc.timeline, ...reply.events] };
  const ratedAt = shanghaiInstant(addDays(today, -source.daysAgo + 1), '20:00');
  const rate = planRate(doc, { rating: 'satisfied' }, { ...env, now: ratedAt }, { role: 'resident', id: source.author });
  if (isRefusal(rate)) throw new Error(`demo source ${source.id}: rating refused`);
  return { ...doc, ...rate.set, timeline: [...doc.timeline, ...rate.events], updatedAt: ratedAt };
}

function stepPlan(doc: SuggestionDocument, step: Step, env: SuggestionEnv, number: number | undefined): SuggestionPlan {
  const lead = deputyOf(doc.leadDeputyId);
  const leadActor: SuggestionActor = { role: 'deputy', id: lead._id, name: lead.name };
  switch (step.do) {
    case 'invite':
      return planSaveDraft(doc, { ...doc, coSigners: step.coSignerIds.map((id) => ({ deputyId: id, name: deputyOf(id).name })) }, env, leadActor);
    case 'respond':
      return planRespondInvitation(doc, { accept: step.accept }, env, { role: 'deputy', id: step.deputyId, name: deputyOf(step.deputyId).name });
    case 'submit':
      return planSubmit(doc, env, leadActor);
    case 'review':
      return planReview(doc, { decision: step.decision, note: step.note, number }, env, STAFF);
    case 'assign':
      return planAssign(doc, { mode: step.mode, lead: unitOf(step.lead), others: (step.others ?? []).map(unitOf), note: step.note }, env, STAFF);
    case 'markKey':
      return planMarkKey(doc, { key: true, leader: step.leader }, env, STAFF);
    case 'view':
      return planSendView(doc, { departmentId: step.departmentId, text: step.text }, env, handlerOf(step.departmentId));
    case 'requestExtension':
      return planRequestExtension(doc, { departmentId: doc.leadDepartmentId ?? '', months: step.months, reason: step.reason }, env, handlerOf(doc.leadDepartmentId ?? ''));
    case 'decideExtension':
      return planDecideExtension(doc, { approve: step.approve, note: step.note }, env, STAFF);
    case 'referBack':
      return planReferBack(doc, { departmentId: step.departmentId, reason: step.reason }, env, handlerOf(step.departmentId));
    case 'reroute':
      return planReroute(doc, { department: unitOf(step.departmentId), note: step.note }, env, STAFF);
    case 'answer':
      return planAnswer(
        doc,
        { departmentId: doc.leadDepartmentId ?? '', answerClass: step.answerClass, text: step.text, reason: step.reason },
        env,
        handlerOf(doc.leadDepartmentId ?? ''),
      );
    case 'rate':
      return planVerdict(doc, { verdict: step.verdict, comment: step.comment }, env, leadActor);
    case 'followUp':
      return planFollowUp(doc, { departmentId: doc.leadDepartmentId ?? '', answerClass: step.answerClass, text: step.text }, env, handlerOf(doc.leadDepartmentId ?? ''));
  }
}

function delegationOf(deputyId: string, sessionArea: string): { _id: string; name: string } {
  const stations = DEMO_STATIONS.filter((s) => deputyOf(deputyId).stationIds.includes(s._id));
  const path = stations.find((s) => s.areaPath.includes(sessionArea))?.areaPath ?? [];
  const id = path[path.indexOf(sessionArea) + 1] ?? sessionArea;
  return { _id: id, name: DEMO_AREAS.find((a) => a._id === id)?.name ?? '' };
}

/** The demo suggestions with the opinions they carry (the residents told), and the counters that continue their numbers. */
export function demoSuggestions(now: Date): {
  sessions: SessionDocument[];
  suggestions: SuggestionDocument[];
  opinions: OpinionDocument[];
  counters: Array<{ _id: string; value: number }>;
} {
  const today = shanghaiDate(now);
  const sessions = [
    session(DEMO_CITY_SESSION, 'area-linjiang', '临江市第十七届人民代表大会第六次会议', today, 130, 30, instant(today, at(131))),
    session(DEMO_DISTRICT_SESSION, 'area-jiangnan', '江南区第三届人民代表大会第五次会议', today, 20, 40, instant(today, at(21))),
  ];
  const taken = new Map<string, number>();
  const opinions = new Map(
    SOURCES.map((source) => {
      const station = DEMO_STATIONS.find((s) => s._id === source.stationId);
      const counterId = dailyCounterId(station?.code ?? '', addDays(today, -source.daysAgo));
      const sequence = (taken.get(counterId) ?? 0) + 1;
      taken.set(counterId, sequence);
      return [source.id, sourceOpinion(source, today, sequence)] as const;
    }),
  );
  // 立案 numbers each session's suggestions in the order they were registered.
  const lastNumber = new Map<string, number>();
  const numberOf = new Map<string, number>();
  const registrations = DEMO_SUGGESTIONS.flatMap((seed) =>
    seed.steps.filter((step) => step.do === 'review' && (step.decision === 'register' || step.decision === 'criticism')).map((step) => ({ seed, when: instant(today, step.at) })),
  );
  for (const { seed } of registrations.sort((a, b) => a.when.getTime() - b.when.getTime())) {
    const number = (lastNumber.get(seed.sessionId) ?? 0) + 1;
    lastNumber.set(seed.sessionId, number);
    numberOf.set(seed.id, number);
  }

  const suggestions = DEMO_SUGGESTIONS.map((seed) => {
    const place = sessions.find((s) => s._id === seed.sessionId);
    if (!place) throw new Error(`demo suggestion ${seed.id}: unknown session`);
    const lead = deputyOf(seed.lead);
    const draftedAt = instant(today, seed.drafted);
    let doc = newSuggestionDocument(
      seed.id,
      `demo-${seed.id}`,
      { session: place, delegation: delegationOf(seed.lead, place.areaId), deputy: { _id: lead._id, name: lead.name } },
      draftedAt,
    );
    const linked = (seed.opinions ?? []).map((id) => ({ opinionId: id, trackingNo: opinions.get(id)?.trackingNo ?? '' }));
    const first = planSaveDraft(
      null,
      { title: seed.title, cause: seed.cause, content: seed.content, category: seed.category, opinions: linked, coSigners: [] },
      { now: draftedAt },
      { role: 'deputy', id: lead._id, name: lead.name },
    );
    if (isSuggestionRefusal(first)) throw new Error(`demo suggestion ${seed.id}: draft refused`);
    doc = { ...withChange(doc, first.set, first.events, draftedAt), version: 0 };
    for (const step of seed.steps) {
      const stepAt = instant(today, step.at);
      const env: SuggestionEnv = { now: stepAt, limits: DEFAULT_SUGGESTION_LIMITS, calendar: packageCalendar };
      const planned = stepPlan(doc, step, env, numberOf.get(seed.id));
      if (isSuggestionRefusal(planned)) throw new Error(`demo suggestion ${seed.id}: ${step.do} refused (${planned.refused}) in status ${doc.status}`);
      doc = withChange(doc, planned.set, planned.events, stepAt);
      const told = planned.tellResidents;
      for (const opinionId of told?.opinionIds ?? []) {
        const opinion = opinions.get(opinionId);
        if (opinion && told) opinions.set(opinionId, { ...opinion, timeline: [...opinion.timeline, told.event], updatedAt: stepAt });
      }
    }
    return doc;
  });
  const counters = [
    ...[...taken].map(([_id, value]) => ({ _id, value })),
    ...sessions.map((s) => ({ _id: `suggestion-${s._id}`, value: lastNumber.get(s._id) ?? 0 })).filter((c) => c.value > 0),
  ];
  return { sessions, suggestions, opinions: [...opinions.values()], counters };
}

/** What the seed writes for 代表建议, collection by collection. */
export function demoSuggestionBatches(now: Date): Array<[string, object[]]> {
  const { sessions, suggestions, opinions, counters } = demoSuggestions(now);
  return [
    [COLLECTIONS.accounts, [...DEMO_DEPUTY_ACCOUNTS, ...DEMO_UNIT_ACCOUNTS].map((account) => ({ ...account, createdAt: now }))],
    [COLLECTIONS.suggestionSessions, sessions],
    [COLLECTIONS.opinions, opinions],
    [COLLECTIONS.suggestions, suggestions],
    [COLLECTIONS.counters, counters],
  ];
}
