import tcb from '@cloudbase/node-sdk';
import { COLLECTIONS } from '../../../infra/database';
import type { PayloadOf } from '../../../miniprogram/shared/contract';
import type { ReceptionDayView } from '../../../miniprogram/shared/domain/booking';
import { addDays, shanghaiDate } from '../../../miniprogram/shared/domain/time';
import { ok, type TestRuntime } from '../../support/runtime';
import type { CallerKind } from '../matrix';

/** Seeded identities (runtime/seed): the city administrator, the Jiangnan district office, the Beishan station, two handlers. */
export const ADMIN = 'demo-staff-city';
export const JIANGNAN_STAFF = 'demo-staff-jiangnan';
export const BEISHAN_STAFF = 'demo-staff-beishan';
export const HANDLER_JN_ZHUJIAN = 'demo-handler-jn-zhujian';
export const HANDLER_JN_MINZHENG = 'demo-handler-jn-minzheng';

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
  return { openids, today, bookDay, waitDay, ownerDay, elsewhereCheckInScene: scene };
}

/** The openid a caller kind calls with (none for anonymous). */
export function openidOf(world: World, kind: CallerKind, owner: string): string | undefined {
  if (kind === 'anonymous') return undefined;
  if (kind === 'owner') return owner;
  return world.openids[kind];
}

// ---------------------------------------------------------------------------------------------
// The owner's data, made through the real actions

export function opinionPayload(target: PayloadOf<'opinion.submit'>['target'] = { stationId: STATION }): PayloadOf<'opinion.submit'> {
  return { clientRequestId: fresh('sec-req'), target, category: 'urbanConstruction', text: '湖滨社区东门路灯坏了两个月，晚上出行很不安全。' };
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

export async function repliedOpinion(t: TestRuntime, world: World, owner: string): Promise<string> {
  const opinionId = await submitOpinion(t, owner);
  ok(await t.call('opinion.reply', { opinionId, text: '已联系社区，本周修复。' }, { openid: world.openids.deputyHere }));
  return opinionId;
}

export function bookingPayload(day: ReceptionDayView): PayloadOf<'booking.book'> {
  return { dayId: day._id, slotId: day.slots[0]!.id, topic: '反映小区停车难', name: '王大爷', phone: '13812345678', clientRequestId: fresh('sec-book') };
}

export async function ownerBooking(t: TestRuntime, world: World, owner: string): Promise<string> {
  return ok(await t.call('booking.book', bookingPayload(world.ownerDay), { openid: owner })).booking._id;
}

export async function walkIn(t: TestRuntime, world: World): Promise<{ _id: string; code: string }> {
  const { entry } = ok(
    await t.call('booking.addWalkIn', { dayId: world.today._id, name: '张阿姨', topic: '反映噪音扰民', clientRequestId: fresh('sec-walkin') }, { openid: ADMIN }),
  );
  return entry;
}

/** Every document of every declared collection, sorted by id: to compare the store before and after. */
export async function snapshot(t: TestRuntime): Promise<Record<string, string>> {
  const db = database(t);
  const out: Record<string, string> = {};
  for (const name of Object.values(COLLECTIONS)) {
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
