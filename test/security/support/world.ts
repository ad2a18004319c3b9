import tcb from '@cloudbase/node-sdk';
import { COLLECTIONS } from '../../../infra/database';
import type { PayloadOf } from '../../../miniprogram/shared/contract';
import type { ReceptionDayView } from '../../../miniprogram/shared/domain/booking';
import { addDays, shanghaiDate } from '../../../miniprogram/shared/domain/time';
import { citySession } from '../../functions/helpers/suggestions';
import { ok, startTestRuntime, type TestRuntime } from '../../support/runtime';
import { CITY_STAFF as ADMIN, BEISHAN_STAFF, JIANGNAN_STAFF, JN_CIVIL_HANDLER as HANDLER_JN_MINZHENG, JN_HOUSING_HANDLER as HANDLER_JN_ZHUJIAN } from '../../support/people';
import type { CallerKind } from '../matrix';

/** Seeded identities (runtime/seed): the city administrator, the Jiangnan district office, the Beishan station, two handlers. */
export { ADMIN, JIANGNAN_STAFF, BEISHAN_STAFF, HANDLER_JN_ZHUJIAN, HANDLER_JN_MINZHENG };

/** The place every matrix case lives at. */
export const STATION = 'st-nanhu';
export const DEPUTY_HERE = 'dp-005';
export const DEPARTMENT = 'dept-jn-zhujian';

let serial = 0;
/** A fresh id for a resident, a client request or anything that must not repeat within a run. */
export const fresh = (prefix: string): string => `${prefix}-${process.pid}-${(serial += 1)}`;

export function database(t: TestRuntime) {
  return tcb.init({ env: t.runtime.config.envId }).database();
}

/** Every caller kind except the per-case owner, bound the way it happens for real. */
export interface World {
  openids: Record<Exclude<CallerKind, 'anonymous' | 'owner'>, string>;
  /** A reception day at the station today (walk-ins), with dp-005 on duty. */
  today: ReceptionDayView;
  /** Future days at the station: one for the matrix's book row, one for joinWaitlist, one for owners' bookings. */
  bookDay: ReceptionDayView;
  waitDay: ReceptionDayView;
  ownerDay: ReceptionDayView;
  /** The check-in scene of another station (青石镇), where only a cell's owner books (booking.checkIn). */
  elsewhereCheckInScene: string;
  /** An open session of 临江市's congress, to which dp-005 (deputyHere) and dp-006 (deputyElsewhere) both belong. */
  suggestionSession: string;
}

async function bindWithStaffCode(t: TestRuntime, openid: string, payload: PayloadOf<'admin.issueStaffCode'>): Promise<void> {
  const { code } = ok(await t.call('admin.issueStaffCode', payload, { openid: ADMIN }));
  ok(await t.call('account.bindStaff', { code }, { openid }));
}

export async function bindDeputy(t: TestRuntime, openid: string, deputyId: string): Promise<void> {
  const { code } = ok(await t.call('admin.issueBindingCode', { deputyId }, { openid: ADMIN }));
  ok(await t.call('account.bindDeputy', { code }, { openid }));
}

/** A staff-added day at the station on `date` (a seeded rule day on that date is removed first): one slot of 200 seats. */
export async function addStationDay(t: TestRuntime, date: string, window = { start: '09:00', end: '10:00' }): Promise<ReceptionDayView> {
  await database(t).collection(COLLECTIONS.receptionDays).where({ stationId: STATION, date }).remove();
  const { day } = ok(
    await t.call('booking.addDay', { stationId: STATION, date, windows: [window], slotMinutes: 60, seatsPerSlot: 200, deputyIds: [DEPUTY_HERE] }, { openid: ADMIN }),
  );
  return day;
}

export async function buildWorld(t: TestRuntime): Promise<World> {
  const openids: World['openids'] = {
    otherResident: 'sec-other-resident',
    deputyHere: 'sec-deputy-nanhu',
    deputyElsewhere: 'sec-deputy-qingshi',
    stationStaffIn: 'sec-staff-nanhu',
    stationStaffOut: BEISHAN_STAFF,
    areaStaffIn: JIANGNAN_STAFF,
    areaStaffOut: 'sec-staff-jiangbei',
    handlerHere: HANDLER_JN_ZHUJIAN,
    handlerOther: HANDLER_JN_MINZHENG,
    admin: ADMIN,
  };
  await bindDeputy(t, openids.deputyHere, DEPUTY_HERE);
  await bindDeputy(t, openids.deputyElsewhere, 'dp-006');
  await bindWithStaffCode(t, openids.stationStaffIn, { role: 'station', stationId: STATION, name: '南湖站员' });
  await bindWithStaffCode(t, openids.areaStaffOut, { role: 'area', areaId: 'area-jiangbei', name: '江北区员' });

  const todayDate = shanghaiDate(t.clock.now());
  const today = await addStationDay(t, todayDate, { start: '00:00', end: '01:00' });
  const [bookDay, waitDay, ownerDay] = [
    await addStationDay(t, addDays(todayDate, 40)),
    await addStationDay(t, addDays(todayDate, 41)),
    await addStationDay(t, addDays(todayDate, 42)),
  ];
  const { scene } = ok(await t.call('booking.getCheckInQr', { stationId: 'st-qingshi' }, { openid: ADMIN }));
  const suggestionSession = await citySession(t, { clientRequestId: 'sec-session-0001', acceptsFrom: addDays(todayDate, -10), acceptsUntil: addDays(todayDate, 60) });
  return { openids, today, bookDay, waitDay, ownerDay, elsewhereCheckInScene: scene, suggestionSession };
}

/** The openid a caller kind calls with (none for anonymous). */
export function openidOf(world: World, kind: CallerKind, owner: string): string | undefined {
  if (kind === 'anonymous') return undefined;
  if (kind === 'owner') return owner;
  return world.openids[kind];
}

// ---------------------------------------------------------------------------------------------
// The owner's data, made through the real actions

/** The owner's contact on their opinions, their name and phone on their bookings, a walk-in's: other people's personal data for every other caller. */
export const OWNER_CONTACT = { name: '李阿姨', phone: '13900002222' } as const;
export const OWNER_VISITOR = { name: '王大爷', phone: '13812345678' } as const;
export const WALK_IN_VISITOR = { name: '张阿姨', phone: '13600003333' } as const;
export const OTHERS_PERSONAL_VALUES: readonly string[] = [...Object.values(OWNER_CONTACT), ...Object.values(OWNER_VISITOR), ...Object.values(WALK_IN_VISITOR)];

export function opinionPayload(target: PayloadOf<'opinion.submit'>['target'] = { stationId: STATION }): PayloadOf<'opinion.submit'> {
  return {
    clientRequestId: fresh('sec-req'),
    target,
    category: 'urbanConstruction',
    text: '湖滨社区东门路灯坏了两个月，晚上出行很不安全。',
    contact: { ...OWNER_CONTACT, mayContact: true },
  };
}

export async function submitOpinion(t: TestRuntime, owner: string): Promise<string> {
  return ok(await t.call('opinion.submit', opinionPayload(), { openid: owner })).opinionId;
}

export async function acceptedCase(t: TestRuntime, owner: string): Promise<string> {
  const opinionId = await submitOpinion(t, owner);
  ok(await t.call('casework.accept', { opinionId }, { openid: ADMIN }));
  return opinionId;
}

export async function assignedCase(t: TestRuntime, owner: string): Promise<string> {
  const opinionId = await acceptedCase(t, owner);
  ok(await t.call('casework.assign', { opinionId, departmentIds: [DEPARTMENT], note: '请核实并修复' }, { openid: ADMIN }));
  return opinionId;
}

export async function answeredCase(t: TestRuntime, owner: string): Promise<string> {
  const opinionId = await assignedCase(t, owner);
  ok(await t.call('casework.answer', { opinionId, category: 'solved', text: '路灯已全部修复。' }, { openid: HANDLER_JN_ZHUJIAN }));
  return opinionId;
}

/** Assigned to the matrix's department, which sent it back (退回): waiting for staff to re-route it. */
export async function referredCase(t: TestRuntime, owner: string): Promise<string> {
  const opinionId = await assignedCase(t, owner);
  ok(await t.call('casework.referBack', { opinionId, reason: '路灯属城管部门管理，不属本单位职责' }, { openid: HANDLER_JN_ZHUJIAN }));
  return opinionId;
}

export async function repliedOpinion(t: TestRuntime, world: World, owner: string): Promise<string> {
  const opinionId = await submitOpinion(t, owner);
  ok(await t.call('opinion.reply', { opinionId, text: '已联系社区，本周修复。' }, { openid: world.openids.deputyHere }));
  return opinionId;
}

/**
 * The owner's case closed (rated 满意) and its 回访 asked by the casework timer (its day brought to
 * now, the runtime's clock left alone); answered by the owner when `answer` is given.
 */
export async function followedUpCase(t: TestRuntime, world: World, owner: string, answer: 'solved' | 'unsolved' | null): Promise<string> {
  const opinionId = await repliedOpinion(t, world, owner);
  ok(await t.call('opinion.rate', { opinionId, rating: 'satisfied' }, { openid: owner }));
  await database(t).collection(COLLECTIONS.opinions).where({ _id: opinionId }).update({ followUpDueAt: t.clock.now() });
  await t.fireTimer('casework');
  if (answer) ok(await t.call('opinion.answerFollowUp', { opinionId, answer }, { openid: owner }));
  return opinionId;
}

// ---------------------------------------------------------------------------------------------
// 代表建议: led by deputyHere (dp-005) in the world's session, carrying the owner's opinion

export const SUGGESTION_UNIT_ELSEWHERE = 'dept-city-zhujian';

export async function draftSuggestion(t: TestRuntime, world: World, owner: string, coSignerIds: string[] = []): Promise<string> {
  const { trackingNo } = ok(await t.call('opinion.submit', opinionPayload({ deputyId: DEPUTY_HERE }), { openid: owner }));
  const { suggestion } = ok(
    await t.call(
      'suggestion.saveDraft',
      {
        clientRequestId: fresh('sec-draft'),
        sessionId: world.suggestionSession,
        title: '关于增设湖滨社区路灯的建议',
        cause: '湖滨社区东门一带路灯损坏两个月，群众夜间出行不便，多次在接待日反映。',
        content: '建议市住建局会同江南区对老旧小区周边路灯开展排查，建立损坏路灯限时修复机制，并公布报修电话，接受群众监督。',
        category: 'urbanConstruction',
        opinionTrackingNos: [trackingNo],
        coSignerIds,
      },
      { openid: world.openids.deputyHere },
    ),
  );
  return suggestion.suggestionId;
}

export async function submittedSuggestion(t: TestRuntime, world: World, owner: string): Promise<string> {
  const suggestionId = await draftSuggestion(t, world, owner);
  ok(await t.call('suggestion.submit', { suggestionId }, { openid: world.openids.deputyHere }));
  return suggestionId;
}

export async function registeredSuggestion(t: TestRuntime, world: World, owner: string): Promise<string> {
  const suggestionId = await submittedSuggestion(t, world, owner);
  ok(await t.call('suggestion.review', { suggestionId, decision: 'register' }, { openid: ADMIN }));
  return suggestionId;
}

/** Assigned to the matrix's department (handlerHere's) as 主办, or as 协办 to a city bureau. */
export async function assignedSuggestion(t: TestRuntime, world: World, owner: string, role: 'lead' | 'assist' = 'lead'): Promise<string> {
  const suggestionId = await registeredSuggestion(t, world, owner);
  const units = role === 'lead' ? { leadDepartmentId: DEPARTMENT, otherDepartmentIds: [] } : { leadDepartmentId: SUGGESTION_UNIT_ELSEWHERE, otherDepartmentIds: [DEPARTMENT] };
  ok(await t.call('suggestion.assign', { suggestionId, mode: 'lead', ...units, note: '请研究办理' }, { openid: ADMIN }));
  return suggestionId;
}

export async function answeredSuggestion(t: TestRuntime, world: World, owner: string, answerClass: 'A' | 'B' = 'A'): Promise<string> {
  const suggestionId = await assignedSuggestion(t, world, owner);
  const reason = answerClass === 'B' ? { reason: '年内完成改造' } : {};
  ok(await t.call('suggestion.answer', { suggestionId, answerClass, text: '已对湖滨社区周边路灯全面排查，损坏的三十盏已全部修复。', ...reason }, { openid: HANDLER_JN_ZHUJIAN }));
  return suggestionId;
}

export async function extensionAskedSuggestion(t: TestRuntime, world: World, owner: string): Promise<string> {
  const suggestionId = await assignedSuggestion(t, world, owner);
  ok(await t.call('suggestion.requestExtension', { suggestionId, months: 1, reason: '需要与供电部门协调施工时间。' }, { openid: HANDLER_JN_ZHUJIAN }));
  return suggestionId;
}

export async function referredSuggestion(t: TestRuntime, world: World, owner: string): Promise<string> {
  const suggestionId = await assignedSuggestion(t, world, owner);
  ok(await t.call('suggestion.referBack', { suggestionId, reason: '路灯由城管部门管理' }, { openid: HANDLER_JN_ZHUJIAN }));
  return suggestionId;
}

/** A booking with the owner's name and phone; `visitor` for a booking by someone else. */
export function bookingPayload(day: ReceptionDayView, visitor: { name: string; phone: string } = OWNER_VISITOR): PayloadOf<'booking.book'> {
  return { dayId: day._id, slotId: day.slots[0]!.id, topic: '反映小区停车难', ...visitor, clientRequestId: fresh('sec-book') };
}

export async function ownerBooking(t: TestRuntime, world: World, owner: string): Promise<string> {
  return ok(await t.call('booking.book', bookingPayload(world.ownerDay), { openid: owner })).booking._id;
}

export async function walkIn(t: TestRuntime, world: World): Promise<{ _id: string; code: string }> {
  const { entry } = ok(
    await t.call('booking.addWalkIn', { dayId: world.today._id, ...WALK_IN_VISITOR, topic: '反映噪音扰民', clientRequestId: fresh('sec-walkin') }, { openid: ADMIN }),
  );
  return entry;
}

/** Every document of every declared collection, sorted by id: to compare the store before and after. */
export async function snapshot(t: TestRuntime): Promise<Record<string, string>> {
  const db = database(t);
  const out: Record<string, string> = {};
  // Rate-limit counters count attempts, refused ones included (test/functions/rate-limits.test.ts).
  for (const name of Object.values(COLLECTIONS).filter((collection) => collection !== COLLECTIONS.rateCounters)) {
    const docs: Array<{ _id: string }> = [];
    for (let skip = 0; ; skip += 1000) {
      const { data } = await db.collection(name).skip(skip).limit(1000).get();
      docs.push(...(data as Array<{ _id: string }>));
      if (data.length < 1000) break;
    }
    docs.sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
    out[name] = JSON.stringify(docs);
  }
  return out;
}

/** Starts a runtime and builds the world in it before the file's tests, and stops it after them; `take` receives both. */
export function useWorld(take: (started: { t: TestRuntime; world: World }) => void): void {
  let t: TestRuntime | undefined;
  beforeAll(async () => {
    t = await startTestRuntime();
    take({ t, world: await buildWorld(t) });
  }, 60_000);
  afterAll(async () => t?.stop());
}
