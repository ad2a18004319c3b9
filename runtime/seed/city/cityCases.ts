/**
 * Three years of a city's opinions (意见), in every state the case state machine knows. Each case
 * is built by replaying the state machine's own planners, as demoCasework.ts does, so a seeded
 * case is what the functions would have written. Cases come out oldest first, in batches, with
 * the daily counters that continue their tracking numbers.
 */
import { dailyCounterId } from '../../../cloudfunctions/core/trackingSequence';
import { packageCalendar } from '../../../cloudfunctions/core/workingCalendar';
import type { DepartmentDocument } from '../../../cloudfunctions/admin/departments';
import type { OpinionDocument } from '../../../infra/documents/opinions';
import { DEFAULT_CASE_DEADLINES } from '../../../miniprogram/shared/domain/caseDeadlines';
import { isRefusal, type AnswerCategory, type CaseActor, type CaseEnv } from '../../../miniprogram/shared/domain/casework';
import type { Deputy } from '../../../miniprogram/shared/domain/directory';
import { OPINION_CATEGORIES } from '../../../miniprogram/shared/domain/opinion';
import { shanghaiDate } from '../../../miniprogram/shared/domain/time';
import { applyCaseChange, planCaseStep, type CaseStep, receivedCase } from '../seededCase';
import type { StationDocument } from '../demoData';
import { CITY_ADMIN_OPENID, cityHandlerOpenid, cityResidentOpenid, type CityPlaces, type CitySize } from './cityData';
import { personName, Random } from './random';

const HOUR_MS = 3_600_000;

type Step =
  | 'accept'
  | 'reply'
  | 'forward'
  | 'assign'
  | 'answerSolved'
  | 'answerPlanned'
  | 'answerReference'
  | 'return'
  | 'approve'
  | 'urge'
  | 'rateSatisfied'
  | 'rateBasically'
  | 'rateDissatisfied'
  | 'expireRating';

/** Paths through the state machine, with how often each happens (weights) and hours between steps. */
const PATHS: Array<{ weight: number; steps: Step[]; deputyOnly?: boolean }> = [
  { weight: 3, steps: [] },
  { weight: 4, steps: ['accept'] },
  { weight: 6, steps: ['accept', 'assign'] },
  { weight: 2, steps: ['accept', 'assign', 'urge'] },
  { weight: 3, steps: ['accept', 'assign', 'answerSolved'] },
  { weight: 4, steps: ['accept', 'assign', 'answerSolved', 'approve'] },
  { weight: 30, steps: ['accept', 'assign', 'answerSolved', 'approve', 'rateSatisfied'] },
  { weight: 10, steps: ['accept', 'assign', 'answerPlanned', 'approve', 'rateBasically'] },
  { weight: 8, steps: ['accept', 'assign', 'answerPlanned', 'approve', 'expireRating'] },
  { weight: 4, steps: ['accept', 'assign', 'answerReference', 'return', 'answerSolved', 'approve', 'rateDissatisfied', 'assign'] },
  { weight: 12, steps: ['reply', 'rateSatisfied'], deputyOnly: true },
  { weight: 5, steps: ['reply', 'expireRating'], deputyOnly: true },
  { weight: 2, steps: ['reply'], deputyOnly: true },
  { weight: 3, steps: ['accept', 'forward', 'assign', 'answerSolved', 'approve', 'rateSatisfied'], deputyOnly: true },
];

const TEXTS: Record<string, string> = {
  urbanConstruction: '小区楼道灯坏了很久没人修，晚上上下楼很不安全，希望尽快维修。',
  transport: '路口红绿灯时间太短，老人过马路来不及，建议延长行人绿灯时间。',
  education: '附近小学放学时段校门口拥堵严重，希望增设接送等候区。',
  health: '社区卫生服务站周末不开门，希望安排周末门诊。',
  elderlyCare: '社区老年食堂座位不够，中午经常排长队，希望扩大用餐场地。',
  socialSecurity: '高龄补贴发放时间不固定，希望明确每月发放日期。',
  environment: '河边垃圾堆放无人清理，夏天气味很大，希望设置垃圾收集点。',
  governance: '小区物业收费不透明，希望社区督促公示收支明细。',
  other: '希望在联络站增加代表接待的次数，方便上班族反映问题。',
};

interface Counters {
  taken: Map<string, number>;
}

function caseEnv(now: Date): CaseEnv {
  return { now, deadlines: DEFAULT_CASE_DEADLINES, calendar: packageCalendar };
}

/** One step through the planner; a refusal ends the path there (the case stays in the state it reached). */
function applyStep(
  doc: OpinionDocument,
  step: Step,
  now: Date,
  context: { deputy: Deputy | null; departments: DepartmentDocument[]; staff: CaseActor; random: Random },
): OpinionDocument | null {
  const { deputy, departments, staff } = context;
  const department = departments[0] as DepartmentDocument;
  const handler: CaseActor = { role: 'handler', id: cityHandlerOpenid(department._id), name: department.name };
  const deputyActor: CaseActor | null = deputy ? { role: 'deputy', id: deputy._id, name: deputy.name } : null;
  const answer = (category: AnswerCategory, text: string, reason?: string): CaseStep => ({ do: 'answer', handler, departmentId: department._id, category, text, reason });
  const steps: Record<Step, () => CaseStep | null> = {
    accept: () => ({ do: 'accept' }),
    reply: () => deputyActor && { do: 'reply', deputy: deputyActor, text: '已与有关部门沟通，问题已经解决，感谢您的反映。' },
    forward: () => deputyActor && { do: 'forward', deputy: deputyActor, note: '需职能部门处理，建议交办' },
    assign: () => ({ do: 'assign', departments: departments.map((d) => ({ _id: d._id, name: d.name })), note: '请核实处理并答复' }),
    answerSolved: () => answer('solved', '已现场核实并处理完毕。'),
    answerPlanned: () => answer('planned', '已列入明年工作计划。', '需专项资金'),
    answerReference: () => answer('reference', '不属本单位职责。', '职责不符'),
    return: () => ({ do: 'return', note: '属本单位辖区，请先行处理' }),
    approve: () => ({ do: 'approve' }),
    urge: () => ({ do: 'urge', note: '群众反映强烈，请加快办理' }),
    rateSatisfied: () => ({ do: 'rate', rating: 'satisfied' }),
    rateBasically: () => ({ do: 'rate', rating: 'basicallySatisfied' }),
    rateDissatisfied: () => ({ do: 'rate', rating: 'dissatisfied', comment: '问题没有根本解决' }),
    expireRating: () => ({ do: 'expireRating' }),
  };
  const caseStep = steps[step]();
  if (!caseStep) return null;
  const { planned, extra } = planCaseStep(doc, caseStep, caseEnv(now), staff);
  if (isRefusal(planned) || !planned.from.includes(doc.status)) return null;
  return applyCaseChange(doc, planned, extra, now);
}

/** Hours after the previous step each kind of step happens (rating expiry after the rating window). */
const STEP_GAP_HOURS: Record<Step, number> = {
  accept: 20,
  reply: 40,
  forward: 10,
  assign: 4,
  answerSolved: 150,
  answerPlanned: 200,
  answerReference: 60,
  return: 20,
  approve: 24,
  urge: 72,
  rateSatisfied: 30,
  rateBasically: 30,
  rateDissatisfied: 30,
  expireRating: 24 * 16,
};

export interface CaseBatch {
  opinions: OpinionDocument[];
}

/**
 * The city's opinions, oldest first, `batch` at a time. Each is submitted by a resident at a
 * station (to one of its deputies two times in three), then walks one of PATHS as far as the
 * seed's day allows: recent cases are still open.
 */
export function* cityOpinions(
  size: CitySize,
  places: CityPlaces,
  deputies: readonly Deputy[],
  now: Date,
  batch: number,
  random: Random,
  counters: Counters,
): Generator<OpinionDocument[]> {
  const span = size.years * 365 * 24 * HOUR_MS;
  const start = now.getTime() - span;
  const byStation = new Map<string, Deputy[]>();
  for (const deputy of deputies) for (const id of deputy.stationIds) byStation.set(id, [...(byStation.get(id) ?? []), deputy]);
  const departmentsOf = (station: StationDocument) => {
    const [, districtId, townshipId] = station.areaPath;
    return places.departments.filter((d) => d.areaId === townshipId || d.areaId === districtId);
  };
  const stationDepartments = new Map(places.stations.map((station) => [station._id, departmentsOf(station)]));
  const totalWeight = PATHS.reduce((sum, path) => sum + path.weight, 0);
  let docs: OpinionDocument[] = [];
  for (let i = 0; i < size.opinions; i += 1) {
    const createdAt = new Date(start + Math.floor(((i + random.next()) / size.opinions) * span));
    const station = random.pick(places.stations);
    const stationDeputies = byStation.get(station._id) ?? [];
    const deputy = stationDeputies.length > 0 && random.chance(2 / 3) ? random.pick(stationDeputies) : null;
    const author = cityResidentOpenid(1 + random.below(size.residents));
    const category = random.pick(OPINION_CATEGORIES);
    const counterId = dailyCounterId(station.code, shanghaiDate(createdAt));
    const sequence = (counters.taken.get(counterId) ?? 0) + 1;
    counters.taken.set(counterId, sequence);
    const id = `op-bh-${String(i + 1).padStart(7, '0')}`;
    const text = TEXTS[category] ?? TEXTS.other ?? '';
    const contact = random.chance(0.6) ? { name: personName(random), phone: `139${String(10_000_000 + random.below(89_999_999))}`, mayContact: random.chance(0.5) } : null;
    let doc = receivedCase({ id, author, category, text, contact }, { deputy, station }, createdAt, sequence, 'city');
    let roll = random.below(totalWeight);
    const path = PATHS.find((p) => (roll -= p.weight) < 0) ?? PATHS[0];
    const all = stationDepartments.get(station._id) ?? [];
    const departments = all.length > 1 && random.chance(0.15) ? [random.pick(all), random.pick(all)].filter((d, k, list) => list.indexOf(d) === k) : [random.pick(all)];
    const staff: CaseActor = { role: 'staff', id: CITY_ADMIN_OPENID };
    let at = createdAt.getTime();
    for (const step of path?.deputyOnly && !deputy ? [] : (path?.steps ?? [])) {
      at += STEP_GAP_HOURS[step] * HOUR_MS * (0.5 + random.next());
      if (at >= now.getTime()) break;
      const next = applyStep(doc, step, new Date(at), { deputy, departments, staff, random });
      if (next === null) break;
      doc = next;
    }
    docs.push(doc);
    if (docs.length === batch) {
      yield docs;
      docs = [];
    }
  }
  if (docs.length > 0) yield docs;
}

export function newCounters(): Counters {
  return { taken: new Map() };
}
