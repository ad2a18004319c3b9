import type { ActionName } from '../../../miniprogram/shared/contract';
import { addDays, shanghaiDate } from '../../../miniprogram/shared/domain/time';
import { writeWorkbook } from '../../../cloudfunctions/admin/directoryWorkbook';
import { browserSecret } from '../../support/consoleClient';
import { ok, type TestRuntime } from '../../support/runtime';
import {
  ADMIN,
  DEPARTMENT,
  DEPUTY_HERE,
  STATION,
  acceptedCase,
  addStationDay,
  answeredCase,
  assignedCase,
  bindDeputy,
  bookingPayload,
  fresh,
  opinionPayload,
  ownerBooking,
  repliedOpinion,
  submitOpinion,
  walkIn,
  type World,
} from './world';

export interface ScenarioContext {
  t: TestRuntime;
  world: World;
  /** The resident who owns the data of this cell (fresh for every cell). */
  owner: string;
}

export interface Prepared {
  payload: unknown;
  /** The id of the owner's object, for `sees` / `blind` cells. */
  subject?: string;
  /** The same call about an object that does not exist: a refused read must answer exactly like it. */
  missing?: unknown;
}

type Scenario = (ctx: ScenarioContext) => Promise<Prepared>;

const MISSING_OPINION = 'op-does-not-exist-000';
const MISSING_SESSION = 'AAAAAAAAAAAAAAAAAAAAAAAA';
const openedTicket = async (t: TestRuntime) => ok(await t.call('console.openTicket', { proof: browserSecret().proof })).ticketId;
const statsRange = (t: TestRuntime) => {
  const today = shanghaiDate(t.clock.now());
  return { from: addDays(today, -30), to: today, scope: { stationId: STATION } };
};

const fixed =
  (payload: unknown): Scenario =>
  async () => ({ payload });
const onOpinion =
  (make: (ctx: ScenarioContext) => Promise<string>, rest: Record<string, unknown> = {}): Scenario =>
  async (ctx) => ({
    payload: { opinionId: await make(ctx), ...rest },
    missing: { opinionId: MISSING_OPINION, ...rest },
  });
const submitted = ({ t, owner }: ScenarioContext) => submitOpinion(t, owner);
/** An opinion WeChat's content security (the runtime's word list) holds for staff review. */
const flagged = async ({ t, owner }: ScenarioContext) =>
  ok(await t.call('opinion.submit', { ...opinionPayload(), text: '楼道里到处贴着加微信领红包的小广告，请清理。' }, { openid: owner })).opinionId;

async function stationFields(t: TestRuntime) {
  const { station } = ok(await t.call('directory.getStation', { stationId: STATION }));
  const { _id, code, name, areaId, address, location, openingHours, phone, receptionNote, active } = station;
  return { stationId: _id, code, name, areaId, address, location, openingHours, phone, receptionNote, active };
}

async function deputyFields(t: TestRuntime, deputyId: string) {
  const { deputy } = ok(await t.call('directory.getDeputy', { deputyId }));
  const { _id, code, name, level, constituency, occupation, profile, photoUrl, stationIds, active } = deputy;
  return { deputyId: _id, code, name, level, constituency, occupation, profile, photoUrl, stationIds, active };
}

/** How to call each action in the matrix: the owner's data it needs, made through the real actions. */
export const SCENARIOS: Record<ActionName, Scenario> = {
  'account.getProfile': fixed({}),
  'account.updatePreferences': fixed({ fontScale: 'extraLarge' }),
  'account.bindDeputy': fixed({ code: 'ABCD-EFGH' }),
  'account.bindStaff': fixed({ code: 'ABCD-EFGH' }),

  'directory.listAreas': fixed({}),
  'directory.listStations': fixed({ areaId: 'area-jiangnan' }),
  'directory.getStation': fixed({ stationId: STATION }),
  'directory.getDeputy': fixed({ deputyId: DEPUTY_HERE }),
  'directory.resolveScene': fixed({ scene: 's=NH01' }),
  'directory.searchDeputies': fixed({ keyword: '刘' }),
  'directory.nearestStations': fixed({ latitude: 30.5, longitude: 114.33 }),

  'opinion.submit': async () => ({ payload: opinionPayload() }),
  'opinion.listMine': async (ctx) => ({ payload: { pageSize: 50 }, subject: await submitted(ctx) }),
  'opinion.getMine': onOpinion(submitted),
  'opinion.inbox': async (ctx) => ({ payload: { status: 'pending', pageSize: 50 }, subject: await submitted(ctx) }),
  'opinion.getForDeputy': onOpinion(submitted),
  'opinion.reply': onOpinion(submitted, { text: '已转社区居委会处理。' }),
  'opinion.forward': onOpinion(submitted, { note: '需住建部门办理' }),
  'opinion.rate': onOpinion(({ t, world, owner }) => repliedOpinion(t, world, owner), { rating: 'satisfied' }),

  'admin.saveStation': async ({ t }) => ({ payload: await stationFields(t) }),
  'admin.saveDeputy': async ({ t }) => ({ payload: await deputyFields(t, 'dp-009') }),
  'admin.issueBindingCode': fixed({ deputyId: 'dp-009' }),
  'admin.revokeBindingCode': async ({ t }) => ({ payload: { code: ok(await t.call('admin.issueBindingCode', { deputyId: 'dp-009' }, { openid: ADMIN })).code } }),
  'admin.unbindDeputy': async ({ t }) => {
    await bindDeputy(t, fresh('sec-deputy-account'), 'dp-002');
    return { payload: { deputyId: 'dp-002' } };
  },
  'admin.createQrCode': fixed({ kind: 'station', id: STATION }),
  'admin.saveDepartment': fixed({ departmentId: DEPARTMENT, name: '江南区住房和城乡建设局', areaId: 'area-jiangnan', active: true }),
  'admin.listDepartments': fixed({ areaId: 'area-jiangnan' }),
  'admin.issueStaffCode': fixed({ role: 'station', stationId: STATION, name: '新站员' }),
  'admin.listStaff': fixed({ areaId: 'area-jiangnan' }),
  'admin.listHolidayYears': fixed({}),
  'admin.saveHolidayYear': fixed({ year: 2031, holidays: [{ name: '元旦', from: '2031-01-01', to: '2031-01-01', workdays: [] }] }),
  'admin.removeStaff': async ({ t }) => {
    const accountId = fresh('sec-staff-account');
    const { code } = ok(await t.call('admin.issueStaffCode', { role: 'station', stationId: STATION, name: '临时站员' }, { openid: ADMIN }));
    ok(await t.call('account.bindStaff', { code }, { openid: accountId }));
    return { payload: { accountId } };
  },

  'booking.listDays': fixed({ stationId: STATION }),
  'booking.getDay': async ({ world }) => ({ payload: { dayId: world.bookDay._id } }),
  'booking.book': async ({ world }) => ({ payload: bookingPayload(world.bookDay) }),
  'booking.joinWaitlist': async ({ world }) => ({ payload: bookingPayload(world.waitDay) }),
  'booking.cancel': async ({ t, world, owner }) => ({
    payload: { bookingId: await ownerBooking(t, world, owner) },
    missing: { bookingId: 'bk-does-not-exist-000' },
  }),
  'booking.listMine': async ({ t, world, owner }) => ({ payload: {}, subject: await ownerBooking(t, world, owner) }),
  'booking.checkIn': async ({ t, world, owner }) => {
    const { days } = ok(await t.call('booking.listDays', { stationId: 'st-qingshi' }));
    const day = days.find((d) => d.date > shanghaiDate(t.clock.now()));
    if (!day) throw new Error('no future reception day at st-qingshi');
    const slot = day.slots.find((s) => s.state === 'open');
    if (!slot) throw new Error(`no open slot on ${day._id}`);
    ok(await t.call('booking.book', { ...bookingPayload(day), slotId: slot.id }, { openid: owner }));
    return { payload: { scene: world.elsewhereCheckInScene } };
  },
  'booking.getRule': fixed({ stationId: STATION }),
  'booking.saveRule': async ({ t }) => ({ payload: { stationId: STATION, rule: ok(await t.call('booking.getRule', { stationId: STATION }, { openid: ADMIN })).rule } }),
  'booking.addDay': async ({ t }) => ({ payload: { stationId: STATION, date: addDays(shanghaiDate(t.clock.now()), 60 + (Number(fresh('d').split('-').pop()) % 300)) } }),
  'booking.cancelDay': async ({ t }) => {
    const day = await addStationDay(t, addDays(shanghaiDate(t.clock.now()), 400 + (Number(fresh('d').split('-').pop()) % 300)));
    return { payload: { dayId: day._id, reason: '场地维修' } };
  },
  'booking.setRoster': async ({ world }) => ({ payload: { dayId: world.bookDay._id, deputyIds: [DEPUTY_HERE] } }),
  'booking.getCheckInQr': fixed({ stationId: STATION }),
  'booking.getRoster': async ({ world }) => ({ payload: { dayId: world.today._id } }),
  'booking.listStationDays': async ({ t }) => {
    const today = shanghaiDate(t.clock.now());
    return { payload: { stationId: STATION, from: today, to: addDays(today, 30) } };
  },
  'booking.getRecord': async ({ t, world }) => ({ payload: { bookingId: (await walkIn(t, world))._id } }),
  'booking.staffCheckIn': async ({ t, world }) => ({ payload: { code: (await walkIn(t, world)).code }, missing: { code: 'ZZZ-ZZZ' } }),
  'booking.addWalkIn': async ({ world }) => ({ payload: { dayId: world.today._id, name: '赵叔叔', topic: '咨询低保政策', clientRequestId: fresh('sec-walkin') } }),
  'booking.recordReception': async ({ t, world }) => ({
    payload: { bookingId: (await walkIn(t, world))._id, deputyIds: [DEPUTY_HERE], items: [{ text: '反映噪音扰民', toOpinion: false }] },
  }),

  'casework.list': async (ctx) => ({ payload: { view: 'all', pageSize: 50 }, subject: await submitted(ctx) }),
  'casework.listAssigned': async ({ t, owner }) => ({ payload: { view: 'all', pageSize: 50 }, subject: await assignedCase(t, owner) }),
  'casework.get': onOpinion(({ t, owner }) => assignedCase(t, owner)),
  'casework.accept': onOpinion(submitted),
  'casework.assign': onOpinion(({ t, owner }) => acceptedCase(t, owner), { departmentIds: [DEPARTMENT], note: '请核实并修复' }),
  'casework.answer': onOpinion(({ t, owner }) => assignedCase(t, owner), { category: 'solved', text: '路灯已全部修复。' }),
  'casework.review': onOpinion(({ t, owner }) => answeredCase(t, owner), { decision: 'approve' }),
  'casework.urge': onOpinion(({ t, owner }) => assignedCase(t, owner), { note: '请加快办理' }),
  'casework.stats': async ({ t }) => ({ payload: statsRange(t) }),
  'casework.drillDown': async ({ t }) => ({ payload: { ...statsRange(t), figure: 'collected' } }),
  'casework.export': async ({ t }) => ({ payload: statsRange(t) }),

  'privacy.exportMyData': async (ctx) => ({ payload: {}, subject: await submitted(ctx) }),
  'privacy.deleteAccount': fixed({ confirm: true }),
  'privacy.listAuditLog': fixed({ pageSize: 50 }),
  'moderation.listFlagged': async (ctx) => ({ payload: { pageSize: 50 }, subject: await flagged(ctx) }),
  'moderation.approve': onOpinion(flagged),
  'moderation.reject': onOpinion(flagged, { note: '含有不当内容' }),

  'admin.importDirectory': async ({ t }) => ({
    payload: {
      workbook: (await writeWorkbook([['LJ77', '矩阵测试联络站', 'area-jiangnan', '江南区测试路7号', 30.2, 120.1, '', '', '', '在用']], [], t.clock.now())).toString('base64'),
      apply: false,
    },
  }),
  'admin.exportDirectory': fixed({}),

  'console.openTicket': async () => ({ payload: { proof: browserSecret().proof } }),
  'console.getTicket': async ({ t }) => ({ payload: { ticketId: await openedTicket(t) } }),
  'console.confirmTicket': async ({ t }) => ({ payload: { ticketId: await openedTicket(t) } }),
  'console.redeemTicket': async ({ t }) => {
    const { secret, proof } = browserSecret();
    const ticket = ok(await t.call('console.openTicket', { proof }));
    return { payload: { ticketId: ticket.ticketId, secret } };
  },
  'console.listSessions': fixed({}),
  'console.endSession': async () => ({ payload: { sessionId: MISSING_SESSION }, missing: { sessionId: MISSING_SESSION.replace('A', 'B') } }),
};
