import { walkInSlot, type BookingDocument, type DayDocument, type RecordDocument } from '../../infra/documents/booking';
import { newDay } from '../../cloudfunctions/booking/days';
import type { DepartmentDocument } from '../../cloudfunctions/admin/departments';
import { packageCalendar } from '../../cloudfunctions/core/workingCalendar';
import type { OpinionDocument } from '../../infra/documents/opinions';
import { dailyCounterId } from '../../cloudfunctions/core/trackingSequence';
import { COLLECTIONS } from '../../infra/database';
import type { StaffScope } from '../../miniprogram/shared/domain/account';
import { bookingCodeFrom } from '../../miniprogram/shared/domain/bookingCode';
import { DEFAULT_CASE_DEADLINES } from '../../miniprogram/shared/domain/caseDeadlines';
import { isRefusal, type AnswerCategory, type CaseActor, type CaseChange, type CaseEnv, type Rating } from '../../miniprogram/shared/domain/casework';
import { applyCaseChange, planCaseStep, type CaseStep, receivedCase } from './seededCase';
import type { OpinionCategory } from '../../miniprogram/shared/domain/opinion';
import { DEFAULT_RECEPTION_RULE } from '../../miniprogram/shared/domain/reception';
import { addDays, shanghaiDate, shanghaiInstant } from '../../miniprogram/shared/domain/time';
import { DEMO_AREAS, DEMO_DEPUTIES, DEMO_STATIONS } from './demoData';
import { seedBooking, seedRecord } from './visits';

/**
 * Demo data for case handling and oversight statistics: the departments (承办单位) of the demo
 * city, three department handlers, and a month of cases and reception visits in every state —
 * received, accepted, assigned to one or two departments, answered, returned, approved, rated
 * (满意 / 基本满意 / 不满意 → 二次交办), closed as 未评价, urged — so the statistics pages and the
 * Excel export show something. Everything is placed relative to `now` (Shanghai calendar days
 * before it) and every case is built by replaying the case state machine's own planners, so a
 * seeded case is exactly what the functions would have written. test/functions/casework-stats
 * seeds with a fixed `now` and checks the figures against answers written by hand.
 */

// ---------------------------------------------------------------------------------------------
// Departments and handlers

const department = (_id: string, name: string, areaId: string, active = true): DepartmentDocument => {
  const area = DEMO_AREAS.find((a) => a._id === areaId);
  if (!area) throw new Error(`demo department ${_id}: unknown area ${areaId}`);
  const at = new Date('2026-01-01T00:00:00Z');
  return { _id, name, areaId, areaPath: area.path, active, createdAt: at, updatedAt: at };
};

export const DEMO_DEPARTMENTS: DepartmentDocument[] = [
  department('dept-city-zhujian', '临江市住房和城乡建设局', 'area-linjiang'),
  department('dept-city-jiaotong', '临江市交通运输局', 'area-linjiang'),
  department('dept-jb-zhujian', '江北区住房和城乡建设局', 'area-jiangbei'),
  department('dept-jb-weijian', '江北区卫生健康局', 'area-jiangbei'),
  department('dept-jn-zhujian', '江南区住房和城乡建设局', 'area-jiangnan'),
  department('dept-jn-minzheng', '江南区民政局', 'area-jiangnan'),
  department('dept-jn-jiaotong', '江南区交通运输局', 'area-jiangnan'),
  department('dept-bs-gov', '北山镇人民政府', 'area-beishan'),
  department('dept-qs-gov', '青石镇人民政府', 'area-qingshi'),
  department('dept-jn-shizheng', '江南区市政管理处（已撤并）', 'area-jiangnan', false),
];

const handler = (_id: string, departmentId: string, staffName: string) => {
  const dept = DEMO_DEPARTMENTS.find((d) => d._id === departmentId);
  if (!dept) throw new Error(`demo handler ${_id}: unknown department ${departmentId}`);
  const staff: StaffScope = { role: 'handler', areaId: dept.areaId, departmentId: dept._id, departmentName: dept.name };
  return { _id, roles: ['resident', 'staff'], staff, staffName };
};

/** Handler accounts (use the _id as x-wx-openid). */
export const DEMO_HANDLER_ACCOUNTS = [
  handler('demo-handler-jn-zhujian', 'dept-jn-zhujian', '王科员'),
  handler('demo-handler-jn-minzheng', 'dept-jn-minzheng', '李科员'),
  handler('demo-handler-jb-zhujian', 'dept-jb-zhujian', '赵科员'),
];

// ---------------------------------------------------------------------------------------------
// Cases

/** A moment `daysAgo` Shanghai calendar days before the seed's day, at a Shanghai wall-clock time. */
export interface When {
  daysAgo: number;
  time: string;
}
export const at = (daysAgo: number, time: string): When => ({ daysAgo, time });

type Step = { at: When } & (
  | { do: 'accept'; note?: string }
  | { do: 'reply'; deputyId: string; text: string }
  | { do: 'forward'; deputyId: string; note: string }
  | { do: 'assign'; departmentIds: string[]; note: string }
  | { do: 'answer'; departmentId: string; category: AnswerCategory; text: string; reason?: string }
  | { do: 'return'; note: string }
  | { do: 'approve' }
  | { do: 'urge'; note: string }
  | { do: 'rate'; rating: Rating; comment?: string }
  | { do: 'expireRating' }
);

export interface DemoCase {
  id: string;
  author: string;
  stationId: string;
  deputyId: string | null;
  submitted: When;
  category: OpinionCategory;
  text: string;
  steps: Step[];
}

const STAFF: Record<string, string> = { 'st-nanhu': 'demo-staff-jiangnan', 'st-qingshi': 'demo-staff-jiangnan', 'st-beishan': 'demo-staff-beishan' };

/** Demo case `n` (case-demo-0n), told at a station by its own resident (demo-resident-10n), to a deputy or to no one in particular. */
function told(n: number, stationId: string, deputyId: string | null, submitted: When, category: OpinionCategory, text: string, steps: Step[] = []): DemoCase {
  return { id: `case-demo-${String(n).padStart(2, '0')}`, author: `demo-resident-${100 + n}`, stationId, deputyId, submitted, category, text, steps };
}

export const DEMO_CASES: DemoCase[] = [
  told(1, 'st-nanhu', 'dp-005', at(30, '10:00'), 'transport', '湖滨路公交站牌年久失修，字迹看不清，老人经常坐错车，希望尽快更换站牌。', [
    { at: at(23, '09:30'), do: 'accept' },
    { at: at(23, '10:00'), do: 'assign', departmentIds: ['dept-jn-jiaotong'], note: '请核实站牌情况并更换' },
    { at: at(16, '15:00'), do: 'answer', departmentId: 'dept-jn-jiaotong', category: 'solved', text: '已更换湖滨路全部6块公交站牌。' },
    { at: at(15, '10:00'), do: 'approve' },
    { at: at(14, '19:00'), do: 'rate', rating: 'satisfied' },
  ]),
  told(2, 'st-nanhu', null, at(29, '15:00'), 'urbanConstruction', '湖滨社区3号楼外墙瓷砖脱落，楼下是小区主通道，担心砸到人，请尽快维修。', [
    { at: at(22, '10:00'), do: 'accept', note: '已受理，将交有关部门处理' },
    { at: at(22, '11:00'), do: 'assign', departmentIds: ['dept-jn-zhujian', 'dept-city-zhujian'], note: '请区住建局牵头，市住建局指导' },
    {
      at: at(10, '16:00'),
      do: 'answer',
      departmentId: 'dept-jn-zhujian',
      category: 'planned',
      text: '已设置警示区域，外墙维修纳入明年老旧小区改造计划。',
      reason: '维修资金需列入年度预算',
    },
    { at: at(8, '09:00'), do: 'answer', departmentId: 'dept-city-zhujian', category: 'solved', text: '已督促物业拉设防护网。' },
    { at: at(7, '10:00'), do: 'approve' },
    { at: at(5, '20:00'), do: 'rate', rating: 'dissatisfied', comment: '只拉了防护网，脱落的瓷砖没有修，明年太晚了' },
    { at: at(4, '10:00'), do: 'assign', departmentIds: ['dept-jn-zhujian'], note: '群众不满意，请研究先行局部维修' },
  ]),
  told(3, 'st-qingshi', 'dp-006', at(27, '20:00'), 'elderlyCare', '青石镇敬老院冬天取暖不足，希望给老人房间加装取暖设备。', [
    { at: at(19, '10:00'), do: 'reply', deputyId: 'dp-006', text: '已与镇政府沟通，本月内为敬老院每个房间配发电暖器。' },
    { at: at(17, '09:00'), do: 'rate', rating: 'basicallySatisfied', comment: '希望以后能装空调' },
  ]),
  told(4, 'st-qingshi', null, at(20, '09:00'), 'environment', '青石大道东头的河沟有人倒生活垃圾，夏天气味很大，希望清理并设置垃圾桶。', [
    { at: at(19, '09:00'), do: 'accept' },
    { at: at(18, '14:00'), do: 'forward', deputyId: 'dp-010', note: '需镇政府清理，建议交办' },
    { at: at(17, '10:00'), do: 'assign', departmentIds: ['dept-qs-gov'], note: '请清理河沟并设置垃圾收集点' },
    { at: at(13, '10:00'), do: 'urge', note: '群众反映气味大，请加快清理' },
    { at: at(12, '16:00'), do: 'answer', departmentId: 'dept-qs-gov', category: 'reference', text: '河沟属水利部门管理。', reason: '不属本单位职责' },
    { at: at(11, '10:00'), do: 'return', note: '河沟在镇域内，请镇政府先行清理' },
    { at: at(5, '15:00'), do: 'answer', departmentId: 'dept-qs-gov', category: 'solved', text: '已清理河沟垃圾并设置两个垃圾收集点，安排保洁员每日巡查。' },
    { at: at(3, '10:00'), do: 'approve' },
  ]),
  told(5, 'st-nanhu', 'dp-002', at(10, '14:00'), 'health', '湖滨社区卫生服务中心没有儿科，孩子发烧要跑很远，希望增设儿科门诊。'),
  told(6, 'st-nanhu', null, at(8, '11:00'), 'education', '南湖小学放学时校门口车辆乱停，孩子过马路很危险，希望安排交警疏导。', [{ at: at(7, '10:00'), do: 'accept' }]),
  told(7, 'st-qingshi', null, at(6, '10:00'), 'socialSecurity', '镇上高龄老人补贴发放时间不固定，老人经常打听，希望固定发放日期并公示。', [
    { at: at(5, '09:00'), do: 'accept' },
    { at: at(5, '11:00'), do: 'assign', departmentIds: ['dept-jn-minzheng'], note: '请明确高龄补贴发放时间' },
    { at: at(1, '10:00'), do: 'urge', note: '请尽快答复' },
  ]),
  told(8, 'st-nanhu', 'dp-009', at(35, '08:30'), 'transport', '早高峰湖滨路口的8路公交车太挤，希望增加班次。', [
    { at: at(33, '16:00'), do: 'reply', deputyId: 'dp-009', text: '已向公交公司反映，早高峰8路加开两个班次。' },
    { at: at(25, '10:30'), do: 'expireRating' },
  ]),
  told(9, 'st-nanhu', null, at(2, '10:00'), 'governance', '小区群租房太多，人员进出复杂，希望社区加强管理。', [
    { at: at(1, '16:00'), do: 'reply', deputyId: 'dp-005', text: '已请社区网格员逐户排查登记，并联系派出所加强巡查。' },
  ]),
  told(10, 'st-nanhu', 'dp-005', at(28, '09:00'), 'elderlyCare', '湖滨社区老年活动室面积太小，下雨天老人没地方活动，希望扩建。', [
    { at: at(23, '15:00'), do: 'accept' },
    { at: at(23, '16:00'), do: 'assign', departmentIds: ['dept-jn-minzheng'], note: '请研究扩建方案' },
    { at: at(19, '11:00'), do: 'answer', departmentId: 'dept-jn-minzheng', category: 'planned', text: '已纳入社区养老服务设施提升计划。', reason: '需与社区用房调整一并实施' },
    { at: at(18, '10:00'), do: 'approve' },
    { at: at(10, '10:30'), do: 'expireRating' },
  ]),
  told(11, 'st-beishan', null, at(15, '10:00'), 'urbanConstruction', '北山镇老街排水沟堵塞，一下雨就积水，希望疏通。', [
    { at: at(14, '09:00'), do: 'accept' },
    { at: at(14, '10:00'), do: 'assign', departmentIds: ['dept-jb-zhujian'], note: '请疏通老街排水沟' },
    { at: at(9, '15:00'), do: 'answer', departmentId: 'dept-jb-zhujian', category: 'planned', text: '已临时疏通，排水管网改造列入明年计划。', reason: '管网改造需专项资金' },
    { at: at(8, '10:00'), do: 'approve' },
    { at: at(7, '18:00'), do: 'rate', rating: 'satisfied' },
  ]),
  told(12, 'st-beishan', 'dp-007', at(3, '08:00'), 'transport', '北山中学门口没有红绿灯，学生过马路很危险。'),
];

function instant(today: string, when: When): Date {
  return shanghaiInstant(addDays(today, -when.daysAgo), when.time);
}

function deputyActor(deputyId: string): CaseActor {
  const deputy = DEMO_DEPUTIES.find((d) => d._id === deputyId);
  if (!deputy) throw new Error(`demo case: unknown deputy ${deputyId}`);
  return { role: 'deputy', id: deputy._id, name: deputy.name };
}

function handlerActor(departmentId: string): CaseActor {
  const account = DEMO_HANDLER_ACCOUNTS.find((a) => a.staff.departmentId === departmentId);
  const dept = DEMO_DEPARTMENTS.find((d) => d._id === departmentId);
  return { role: 'handler', id: account?._id ?? `handler-${departmentId}`, name: dept?.name ?? '' };
}

/** A step of this file as the state machine takes it: who the deputy, the departments and the handler are. */
function caseStep(step: Step): CaseStep {
  switch (step.do) {
    case 'reply':
      return { do: 'reply', deputy: deputyActor(step.deputyId), text: step.text };
    case 'forward':
      return { do: 'forward', deputy: deputyActor(step.deputyId), note: step.note };
    case 'assign':
      return { do: 'assign', departments: step.departmentIds.map((id) => ({ _id: id, name: DEMO_DEPARTMENTS.find((d) => d._id === id)?.name ?? id })), note: step.note };
    case 'answer': {
      const { departmentId, category, text, reason } = step;
      return { do: 'answer', handler: handlerActor(departmentId), departmentId, category, text, reason };
    }
    default:
      return step;
  }
}

/** One step through the state machine's planner, as the function would; a refusal is a mistake in this file. */
function plan(doc: OpinionDocument, step: Step, env: CaseEnv, staff: CaseActor): { change: CaseChange; extra: Partial<OpinionDocument> } {
  const { planned, extra } = planCaseStep(doc, caseStep(step), env, staff);
  if (isRefusal(planned)) throw new Error(`demo case ${doc._id}: ${step.do} refused (${planned.refused}) in status ${doc.status}`);
  if (!planned.from.includes(doc.status)) throw new Error(`demo case ${doc._id}: ${step.do} cannot start from ${doc.status}`);
  return { change: planned, extra };
}

export function demoCase(seed: DemoCase, today: string, sequence: number): OpinionDocument {
  const station = DEMO_STATIONS.find((s) => s._id === seed.stationId);
  const deputy = seed.deputyId ? DEMO_DEPUTIES.find((d) => d._id === seed.deputyId) : null;
  if (!station || deputy === undefined) throw new Error(`demo case ${seed.id}: unknown station or deputy`);
  const createdAt = instant(today, seed.submitted);
  let doc = receivedCase({ ...seed, contact: { phone: '13700000000', mayContact: sequence % 2 === 1 } }, { deputy, station }, createdAt, sequence);
  const staff: CaseActor = { role: 'staff', id: STAFF[seed.stationId] ?? 'demo-staff-city' };
  for (const step of seed.steps) {
    const now = instant(today, step.at);
    const { change, extra } = plan(doc, step, { now, deadlines: DEFAULT_CASE_DEADLINES, calendar: packageCalendar }, staff);
    doc = applyCaseChange(doc, change, extra, now);
  }
  return doc;
}

/** The demo cases with their daily sequence numbers, and the counters that continue them. */
export function demoCases(now: Date): { cases: OpinionDocument[]; counters: Array<{ _id: string; value: number }> } {
  const today = shanghaiDate(now);
  const taken = new Map<string, number>();
  const ordered = [...DEMO_CASES].sort((a, b) => instant(today, a.submitted).getTime() - instant(today, b.submitted).getTime());
  const cases = ordered.map((seed) => {
    const station = DEMO_STATIONS.find((s) => s._id === seed.stationId);
    const counterId = dailyCounterId(station?.code ?? '', shanghaiDate(instant(today, seed.submitted)));
    const sequence = (taken.get(counterId) ?? 0) + 1;
    taken.set(counterId, sequence);
    return demoCase(seed, today, sequence);
  });
  return { cases, counters: [...taken].map(([_id, value]) => ({ _id, value })) };
}

// ---------------------------------------------------------------------------------------------
// Reception visits: past reception days with check-ins, walk-ins and reception records

interface DemoVisit {
  name: string;
  kind: 'online' | 'walkIn';
  status: BookingDocument['status'];
  /** The deputies who received them, when a reception record was written. */
  receivedBy?: string[];
}

interface DemoVisitDay {
  stationId: string;
  daysAgo: number;
  deputyIds: string[];
  visits: DemoVisit[];
}

/** A past reception day at a station, the deputies on duty and who came. */
const visitDay = (stationId: string, daysAgo: number, deputyIds: string[], visits: DemoVisit[]): DemoVisitDay => ({ stationId, daysAgo, deputyIds, visits });

export const DEMO_VISIT_DAYS: DemoVisitDay[] = [
  visitDay(
    'st-nanhu',
    16,
    ['dp-002', 'dp-005'],
    [
      { name: '陈大爷', kind: 'online', status: 'checkedIn', receivedBy: ['dp-002'] },
      { name: '刘阿姨', kind: 'online', status: 'checkedIn', receivedBy: ['dp-002', 'dp-005'] },
      { name: '孙先生', kind: 'online', status: 'checkedIn' },
      { name: '周女士', kind: 'walkIn', status: 'checkedIn', receivedBy: ['dp-005'] },
      { name: '吴先生', kind: 'online', status: 'noShow' },
      { name: '郑女士', kind: 'online', status: 'cancelled' },
    ],
  ),
  visitDay(
    'st-nanhu',
    9,
    ['dp-005', 'dp-009'],
    [
      { name: '钱大爷', kind: 'online', status: 'checkedIn', receivedBy: ['dp-009'] },
      { name: '冯阿姨', kind: 'online', status: 'checkedIn' },
      { name: '褚先生', kind: 'walkIn', status: 'checkedIn' },
    ],
  ),
  visitDay(
    'st-qingshi',
    16,
    ['dp-006', 'dp-010'],
    [
      { name: '卫大姐', kind: 'online', status: 'checkedIn', receivedBy: ['dp-006'] },
      { name: '蒋先生', kind: 'online', status: 'checkedIn', receivedBy: ['dp-010'] },
    ],
  ),
  visitDay(
    'st-beishan',
    16,
    ['dp-007', 'dp-011'],
    [
      { name: '沈大爷', kind: 'online', status: 'checkedIn', receivedBy: ['dp-007'] },
      { name: '韩女士', kind: 'walkIn', status: 'checkedIn' },
    ],
  ),
];

function demoVisits(now: Date): { days: DayDocument[]; bookings: BookingDocument[]; records: RecordDocument[] } {
  const today = shanghaiDate(now);
  const days: DayDocument[] = [];
  const bookings: BookingDocument[] = [];
  const records: RecordDocument[] = [];
  let serial = 0;
  for (const visitDay of DEMO_VISIT_DAYS) {
    const station = DEMO_STATIONS.find((s) => s._id === visitDay.stationId);
    if (!station) throw new Error(`demo visit day: unknown station ${visitDay.stationId}`);
    const date = addDays(today, -visitDay.daysAgo);
    const dayCreated = shanghaiInstant(addDays(date, -30), '09:00');
    const day = {
      ...newDay(station, { ...DEFAULT_RECEPTION_RULE, deputyIds: visitDay.deputyIds }, { date, nominalDate: date }, 'manual', dayCreated),
      deputyIds: visitDay.deputyIds,
    };
    const slot = day.slots[0];
    if (!slot) throw new Error('demo visit day without slots');
    days.push(day);
    for (const visit of visitDay.visits) {
      serial += 1;
      const _id = `bk-demo-${String(serial).padStart(3, '0')}`;
      const arrived = shanghaiInstant(date, '09:10');
      const online = visit.kind === 'online';
      const booking = seedBooking(day, online ? { ...slot, index: 0 } : walkInSlot('09:10'), {
        _id,
        code: bookingCodeFrom([2, 20, Math.floor(serial / 31 / 31) % 31, Math.floor(serial / 31) % 31, serial % 31, 9]),
        kind: visit.kind,
        openid: online ? `demo-visitor-${String(serial).padStart(3, '0')}` : null,
        status: visit.status,
        name: visit.name,
        phone: '13600000000',
        topic: '反映社区问题',
        queuedAt: dayCreated,
        createdAt: online ? dayCreated : arrived,
        updatedAt: arrived,
      });
      if (visit.status === 'checkedIn') Object.assign(booking, { checkedInAt: arrived, checkedInBy: online ? 'qr' : 'staff', late: false });
      if (visit.status === 'cancelled') Object.assign(booking, { cancelledAt: dayCreated, cancelReason: 'resident' });
      bookings.push(booking);
      if (visit.receivedBy) {
        records.push(seedRecord(booking, { deputyIds: visit.receivedBy, recordedBy: STAFF[station._id] ?? 'demo-staff-city', recordedAt: shanghaiInstant(date, '11:30') }));
      }
    }
  }
  return { days, bookings, records };
}

/** What the seed writes for case handling and statistics, collection by collection. */
export function demoCaseworkBatches(now: Date): Array<[string, object[]]> {
  const { cases, counters } = demoCases(now);
  const { days, bookings, records } = demoVisits(now);
  return [
    [COLLECTIONS.departments, DEMO_DEPARTMENTS],
    [COLLECTIONS.accounts, DEMO_HANDLER_ACCOUNTS.map((account) => ({ ...account, staffBoundAt: now, createdAt: now }))],
    [COLLECTIONS.opinions, cases],
    [COLLECTIONS.counters, counters],
    [COLLECTIONS.receptionDays, days],
    [COLLECTIONS.bookings, bookings],
    [COLLECTIONS.receptionRecords, records],
  ];
}
