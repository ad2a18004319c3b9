import { COLLECTIONS } from '../../../infra/database';
import type { ActionName } from '../../../miniprogram/shared/contract';
import { DEFAULT_POINTS_RULES } from '../../../miniprogram/shared/domain/duty';
import { addDays, shanghaiDate } from '../../../miniprogram/shared/domain/time';
import { writeWorkbook } from '../../../cloudfunctions/admin/directoryWorkbook';
import { browserSecret } from '../../support/consoleClient';
import { roundOpening } from '../../support/projects';
import { ok, type TestRuntime } from '../../support/runtime';
import {
  ADMIN,
  DEPARTMENT,
  DEPUTY_HERE,
  JIANGNAN_STAFF,
  STATION,
  acceptedCase,
  addStationDay,
  answeredCase,
  assignedCase,
  bindDeputy,
  bookingPayload,
  database,
  fresh,
  opinionPayload,
  ownerBooking,
  referredCase,
  repliedOpinion,
  answeredSuggestion,
  assignedSuggestion,
  draftSuggestion,
  followedUpCase,
  extensionAskedSuggestion,
  referredSuggestion,
  registeredSuggestion,
  submittedSuggestion,
  submitOpinion,
  walkIn,
  type World,
} from './world';
import { heldProposal, matrixRound } from './projects';

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

const CALLER_VISITOR = { name: '陈先生', phone: '13700001111' };
const MISSING_OPINION = 'op-does-not-exist-000';
const MISSING_SESSION = 'AAAAAAAAAAAAAAAAAAAAAAAA';
const openedTicket = async (t: TestRuntime) => ok(await t.call('console.openTicket', { proof: browserSecret().proof })).ticketId;
const statsRange = (t: TestRuntime) => {
  const today = shanghaiDate(t.clock.now());
  return { from: addDays(today, -30), to: today, scope: { stationId: STATION } };
};

const thisMonth = (t: TestRuntime) => {
  const today = shanghaiDate(t.clock.now());
  return { year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) };
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
const MISSING_SUGGESTION = 'sg-does-not-exist-000';
const onSuggestion =
  (make: (ctx: ScenarioContext) => Promise<string>, rest: Record<string, unknown> = {}): Scenario =>
  async (ctx) => ({
    payload: { suggestionId: await make(ctx), ...rest },
    missing: { suggestionId: MISSING_SUGGESTION, ...rest },
  });
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

const activityPayload = () => ({ clientRequestId: fresh('sec-activity'), type: 'research' as const, date: '2026-05-10', place: '湖滨社区', note: '调研老旧小区加装电梯' });
async function pendingActivity(t: TestRuntime, world: World): Promise<string> {
  return ok(await t.call('duty.addActivity', activityPayload(), { openid: world.openids.deputyHere })).activity.activityId;
}
async function openContestWindow(t: TestRuntime): Promise<void> {
  ok(await t.call('duty.saveSettings', { areaId: 'area-jiangnan', contestFrom: '2020-01-01', contestUntil: '2099-12-31', rankingShown: false }, { openid: ADMIN }));
}
function reviewPayload(t: TestRuntime) {
  const today = shanghaiDate(t.clock.now());
  return {
    clientRequestId: fresh('sec-review'),
    areaId: 'area-jiangnan',
    title: '2026年度代表述职评议',
    year: 2026,
    deputyIds: [DEPUTY_HERE],
    opensOn: today,
    closesOn: addDays(today, 14),
    audience: 'stationVisitors' as const,
  };
}
async function openedReview(t: TestRuntime): Promise<string> {
  return ok(await t.call('duty.openReview', reviewPayload(t), { openid: ADMIN })).reviewId;
}

/** A resident's comment content security held (the runtime's word list), in a freshly opened period. */
async function heldComment(t: TestRuntime, owner: string): Promise<{ reviewId: string; commentId: string }> {
  const reviewId = await openedReview(t);
  ok(await t.call('duty.rateReport', { reviewId, deputyId: DEPUTY_HERE, rating: 'satisfied', comment: '加微信领红包，再聊', stationCode: 'NH01' }, { openid: owner }));
  const { comments } = ok(await t.call('duty.listHeldComments', { reviewId }, { openid: ADMIN }));
  return { reviewId, commentId: comments[0]?.commentId ?? '' };
}

/** How to call each action in the matrix: the owner's data it needs, made through the real actions. */
export const SCENARIOS: Record<ActionName, Scenario> = {
  'account.getProfile': fixed({}),
  'account.updatePreferences': fixed({ fontScale: 'extraLarge' }),
  'account.bindDeputy': fixed({ code: 'ABCD-EFGH' }),
  'account.bindStaff': fixed({ code: 'ABCD-EFGH' }),
  'account.grantSubscriptions': fixed({ templateIds: ['lxq-opinion-replied'] }),
  'account.listMessages': fixed({}),
  'account.countUnread': fixed({}),
  'account.readMessages': fixed({}),

  'directory.listAreas': fixed({}),
  'directory.listStations': fixed({ areaId: 'area-jiangnan' }),
  'directory.stationsScreen': fixed({ areaId: 'area-jiangnan' }),
  'directory.getStation': fixed({ stationId: STATION }),
  'directory.getDeputy': fixed({ deputyId: DEPUTY_HERE }),
  'directory.resolveScene': fixed({ scene: 's=NH01' }),
  'directory.searchDeputies': fixed({ keyword: '刘' }),
  'directory.nearestStations': fixed({ latitude: 30.5, longitude: 114.33 }),

  // The caller leaves their own contact: the owner's stays the owner's alone.
  'opinion.submit': async () => ({ payload: { ...opinionPayload(), contact: { ...CALLER_VISITOR, mayContact: true } } }),
  'opinion.listMine': async (ctx) => ({ payload: { pageSize: 50 }, subject: await submitted(ctx) }),
  'opinion.getMine': onOpinion(submitted),
  'opinion.inbox': async (ctx) => ({ payload: { status: 'pending', pageSize: 50 }, subject: await submitted(ctx) }),
  'opinion.getForDeputy': onOpinion(submitted),
  'opinion.reply': onOpinion(submitted, { text: '已转社区居委会处理。' }),
  'opinion.forward': onOpinion(submitted, { note: '需住建部门办理' }),
  'opinion.rate': onOpinion(({ t, world, owner }) => repliedOpinion(t, world, owner), { rating: 'satisfied' }),
  'opinion.answerFollowUp': onOpinion(({ t, world, owner }) => followedUpCase(t, world, owner, null), { answer: 'solved' }),

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
  // The caller books in their own name: the owner's name and phone stay the owner's alone.
  'booking.book': async ({ world }) => ({ payload: bookingPayload(world.bookDay, CALLER_VISITOR) }),
  'booking.joinWaitlist': async ({ world }) => ({ payload: bookingPayload(world.waitDay, CALLER_VISITOR) }),
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
  'booking.scheduleScreen': async ({ t }) => {
    const today = shanghaiDate(t.clock.now());
    return { payload: { stationId: STATION, from: today, to: addDays(today, 30) } };
  },
  'booking.getRecord': async ({ t, world }) => ({ payload: { bookingId: (await walkIn(t, world))._id }, missing: { bookingId: 'bk-does-not-exist-000' } }),
  'booking.staffCheckIn': async ({ t, world }) => ({ payload: { code: (await walkIn(t, world)).code }, missing: { code: 'ZZZ-ZZZ' } }),
  'booking.addWalkIn': async ({ world }) => ({ payload: { dayId: world.today._id, name: '赵叔叔', topic: '咨询低保政策', clientRequestId: fresh('sec-walkin') } }),
  'booking.recordReception': async ({ t, world }) => ({
    payload: { bookingId: (await walkIn(t, world))._id, deputyIds: [DEPUTY_HERE], items: [{ text: '反映噪音扰民', toOpinion: false }] },
    missing: { bookingId: 'bk-does-not-exist-000', deputyIds: [DEPUTY_HERE], items: [{ text: '反映噪音扰民', toOpinion: false }] },
  }),

  'casework.list': async (ctx) => ({ payload: { view: 'all', pageSize: 50 }, subject: await submitted(ctx) }),
  'casework.listAssigned': async ({ t, owner }) => ({ payload: { view: 'all', pageSize: 50 }, subject: await assignedCase(t, owner) }),
  'casework.get': onOpinion(({ t, owner }) => assignedCase(t, owner)),
  'casework.accept': onOpinion(submitted),
  'casework.assign': onOpinion(({ t, owner }) => acceptedCase(t, owner), { departmentIds: [DEPARTMENT], note: '请核实并修复' }),
  'casework.answer': onOpinion(({ t, owner }) => assignedCase(t, owner), { category: 'solved', text: '路灯已全部修复。' }),
  'casework.review': onOpinion(({ t, owner }) => answeredCase(t, owner), { decision: 'approve' }),
  'casework.urge': onOpinion(({ t, owner }) => assignedCase(t, owner), { note: '请加快办理' }),
  'casework.referBack': onOpinion(({ t, owner }) => assignedCase(t, owner), { reason: '路灯属城管部门管理，不属本单位职责' }),
  'casework.reopen': onOpinion(({ t, world, owner }) => followedUpCase(t, world, owner, 'unsolved'), { note: '回访仍未解决，重新交办' }),
  'casework.reroute': onOpinion(({ t, owner }) => referredCase(t, owner), { departmentIds: ['dept-jn-minzheng'], note: '请民政局牵头办理' }),
  'casework.stats': async ({ t }) => ({ payload: statsRange(t) }),
  'casework.statsScreen': async ({ t }) => ({ payload: statsRange(t) }),
  'casework.drillDown': async ({ t }) => ({ payload: { ...statsRange(t), figure: 'collected' } }),
  'casework.export': async ({ t }) => ({ payload: statsRange(t) }),
  'casework.startExport': async ({ t }) => ({ payload: { ...statsRange(t), clientRequestId: `matrix-export-${Math.random().toString(36).slice(2, 12)}` } }),
  // A job the district office asked for: theirs alone to poll.
  'casework.getExport': async ({ t }) => {
    const { job } = ok(
      await t.call('casework.startExport', { ...statsRange(t), clientRequestId: `matrix-own-${Math.random().toString(36).slice(2, 12)}` }, { openid: JIANGNAN_STAFF }),
    );
    return { payload: { jobId: job._id }, missing: { jobId: 'f'.repeat(32) } };
  },
  'casework.listExports': async () => ({ payload: {} }),
  'casework.figures': async ({ t }) => ({ payload: { scope: { stationId: STATION }, ...thisMonth(t) } }),
  'casework.figureItems': async (ctx) => ({
    payload: { scope: { stationId: STATION }, ...thisMonth(ctx.t), drill: 'collected' },
    subject: await submitted(ctx),
  }),

  'suggestion.listSessions': fixed({ purpose: 'submit' }),
  'suggestion.sessionsScreen': fixed({}),
  'suggestion.saveSession': async () => ({
    payload: {
      clientRequestId: fresh('sec-session'),
      areaId: 'area-linjiang',
      name: '临江市第十七届人大常委会第三十次会议',
      acceptsFrom: '2026-11-01',
      acceptsUntil: '2026-12-31',
      active: true,
    },
  }),
  'suggestion.saveDraft': async ({ t, world, owner }) => {
    const { trackingNo } = ok(await t.call('opinion.submit', opinionPayload({ deputyId: DEPUTY_HERE }), { openid: owner }));
    return {
      payload: {
        clientRequestId: fresh('sec-draft'),
        sessionId: world.suggestionSession,
        title: '关于增设湖滨社区路灯的建议',
        cause: '湖滨社区东门一带路灯损坏两个月，群众夜间出行不便。',
        content: '建议对老旧小区周边路灯开展排查，建立损坏路灯限时修复机制，并公布报修电话，接受群众监督。',
        category: 'urbanConstruction',
        opinionTrackingNos: [trackingNo],
        coSignerIds: [],
      },
    };
  },
  'suggestion.submit': onSuggestion(({ t, world, owner }) => draftSuggestion(t, world, owner)),
  'suggestion.listMine': async ({ t, world, owner }) => ({ payload: { view: 'led', pageSize: 50 }, subject: await draftSuggestion(t, world, owner) }),
  'suggestion.get': onSuggestion(({ t, world, owner }) => assignedSuggestion(t, world, owner)),
  'suggestion.respond': onSuggestion(({ t, world, owner }) => draftSuggestion(t, world, owner, ['dp-006']), { accept: true }),
  'suggestion.rate': onSuggestion(({ t, world, owner }) => answeredSuggestion(t, world, owner), { verdict: 'satisfied' }),
  'suggestion.list': async ({ t, world, owner }) => ({ payload: { view: 'all', pageSize: 50 }, subject: await submittedSuggestion(t, world, owner) }),
  'suggestion.review': onSuggestion(({ t, world, owner }) => submittedSuggestion(t, world, owner), { decision: 'register' }),
  'suggestion.assign': onSuggestion(({ t, world, owner }) => registeredSuggestion(t, world, owner), {
    mode: 'lead',
    leadDepartmentId: DEPARTMENT,
    otherDepartmentIds: [],
    note: '请研究办理',
  }),
  'suggestion.markKey': onSuggestion(({ t, world, owner }) => registeredSuggestion(t, world, owner), { key: true, leader: '市人大常委会副主任王明' }),
  'suggestion.decideExtension': onSuggestion(({ t, world, owner }) => extensionAskedSuggestion(t, world, owner), { approve: true }),
  'suggestion.reroute': onSuggestion(({ t, world, owner }) => referredSuggestion(t, world, owner), { departmentId: 'dept-jn-minzheng', note: '请民政局办理' }),
  'suggestion.listAssigned': async ({ t, world, owner }) => ({ payload: { view: 'all', pageSize: 50 }, subject: await assignedSuggestion(t, world, owner) }),
  'suggestion.sendView': onSuggestion(({ t, world, owner }) => assignedSuggestion(t, world, owner, 'assist'), { text: '建议结合老旧小区改造一并实施。' }),
  'suggestion.answer': onSuggestion(({ t, world, owner }) => assignedSuggestion(t, world, owner), {
    answerClass: 'A',
    text: '已对湖滨社区周边路灯全面排查，损坏的三十盏已全部修复。',
  }),
  'suggestion.requestExtension': onSuggestion(({ t, world, owner }) => assignedSuggestion(t, world, owner), { months: 1, reason: '需要与供电部门协调施工时间。' }),
  'suggestion.referBack': onSuggestion(({ t, world, owner }) => assignedSuggestion(t, world, owner), { reason: '路灯由城管部门管理' }),
  'suggestion.followUp': onSuggestion(({ t, world, owner }) => answeredSuggestion(t, world, owner, 'B'), { answerClass: 'A', text: '年内改造已经全部完成，路灯全部点亮。' }),
  'suggestion.stats': async ({ world }) => ({ payload: { sessionId: world.suggestionSession } }),
  'suggestion.drillDown': async ({ world }) => ({ payload: { sessionId: world.suggestionSession, figure: 'received' } }),
  'suggestion.export': async ({ world }) => ({ payload: { sessionId: world.suggestionSession } }),

  'duty.getRecord': fixed({ year: 2026, deputyId: DEPUTY_HERE }),
  'duty.listDeputies': async () => ({ payload: { year: 2026 }, subject: DEPUTY_HERE }),
  'duty.listPending': async ({ t, world }) => ({ payload: {}, subject: await pendingActivity(t, world) }),
  'duty.addActivity': async () => ({ payload: { ...activityPayload(), deputyIds: [DEPUTY_HERE] } }),
  'duty.reviewActivity': async ({ t, world }) => ({ payload: { activityId: await pendingActivity(t, world), confirm: true } }),
  'duty.contest': async ({ t }) => {
    await openContestWindow(t);
    return { payload: { year: 2026, kind: 'missing', reason: '三月的调研活动没有记录' } };
  },
  'duty.decideContest': async ({ t, world }) => {
    await openContestWindow(t);
    const { contest } = ok(await t.call('duty.contest', { year: 2026, kind: 'missing', reason: '三月的调研活动没有记录' }, { openid: world.openids.deputyHere }));
    return { payload: { contestId: contest.contestId, uphold: false, note: '未找到活动记录' } };
  },
  'duty.askLeave': async ({ world }) => ({ payload: { dayId: world.ownerDay._id, reason: '外出参加培训' } }),
  'duty.setAttendance': async ({ world }) => ({ payload: { dayId: world.ownerDay._id, deputyId: DEPUTY_HERE, attendance: 'absent' } }),
  'duty.getRules': fixed({ areaId: 'area-jiangnan' }),
  'duty.saveRules': fixed({ areaId: 'area-jiangnan', effectiveFrom: '2020-01-01', rules: DEFAULT_POINTS_RULES.rules, missedDayPenalty: 2 }),
  'duty.saveSettings': fixed({ areaId: 'area-jiangnan', contestFrom: '2020-01-01', contestUntil: '2099-12-31', rankingShown: false }),
  'duty.export': fixed({ year: 2026, deputyId: DEPUTY_HERE }),
  'duty.figures': fixed({ deputyId: DEPUTY_HERE }),
  'duty.openReview': async ({ t }) => ({ payload: reviewPayload(t) }),
  'duty.listReviews': async ({ t }) => ({ payload: { year: 2026 }, subject: await openedReview(t) }),
  'duty.getReport': async ({ t }) => ({ payload: { reviewId: await openedReview(t), deputyId: DEPUTY_HERE } }),
  'duty.saveReport': async ({ t }) => ({ payload: { reviewId: await openedReview(t), text: '各位选民：现将本年度履职情况报告如下，请大家评议。进站接待、答复意见情况见下。' } }),
  'duty.rateReport': async ({ t }) => ({ payload: { reviewId: await openedReview(t), deputyId: DEPUTY_HERE, rating: 'satisfied', stationCode: 'NH01' } }),
  'duty.listHeldComments': async ({ t, owner }) => ({ payload: { reviewId: (await heldComment(t, owner)).reviewId } }),
  'duty.moderateComment': async ({ t, owner }) => {
    const { reviewId, commentId } = await heldComment(t, owner);
    return { payload: { reviewId, commentId, publish: true } };
  },
  'duty.answerComment': async ({ t, owner }) => {
    const reviewId = await openedReview(t);
    ok(await t.call('duty.rateReport', { reviewId, deputyId: DEPUTY_HERE, rating: 'basicallySatisfied', comment: '希望多来社区走走', stationCode: 'NH01' }, { openid: owner }));
    const { comments } = ok(await t.call('duty.getReport', { reviewId, deputyId: DEPUTY_HERE }, { openid: ADMIN }));
    return { payload: { reviewId, commentId: comments[0]?.commentId ?? '', answer: '谢谢，我会每月进社区。' } };
  },

  'privacy.exportMyData': async (ctx) => ({ payload: {}, subject: await submitted(ctx) }),
  'privacy.deleteAccount': fixed({ confirm: true }),
  'privacy.listAuditLog': fixed({ pageSize: 50 }),
  'moderation.listFlagged': async (ctx) => ({ payload: { pageSize: 50 }, subject: await flagged(ctx) }),
  'moderation.approve': onOpinion(flagged),
  'moderation.reject': onOpinion(flagged, { note: '含有不当内容' }),

  'project.openRound': async ({ t }) => {
    const today = shanghaiDate(t.clock.now());
    return { payload: roundOpening(today, { clientRequestId: fresh('sec-round') }) };
  },
  'project.listRounds': fixed({ areaId: 'area-linjiang' }),
  'project.getRound': async ({ t, world }) => ({ payload: { roundId: (await matrixRound(t, world, 'commenting')).roundId } }),
  'project.propose': async ({ t, world }) => ({
    payload: {
      roundId: (await matrixRound(t, world, 'proposing')).roundId,
      clientRequestId: fresh('sec-req'),
      title: '背街小巷路灯亮化',
      description: '几条背街小巷没有路灯，晚上出行不安全。',
      place: '南湖街道',
    },
  }),
  'project.listProposals': async ({ t, world, owner }) => {
    const proposalId = await heldProposal(t, world, owner);
    const { data } = await database(t).collection(COLLECTIONS.projectProposals).where({ _id: proposalId }).get();
    return { payload: { roundId: (data as Array<{ roundId: string }>)[0]?.roundId }, subject: proposalId };
  },
  'project.review': async ({ t, world, owner }) => ({ payload: { kind: 'proposal', id: await heldProposal(t, world, owner), decision: 'approve' } }),
  'project.addCandidate': async ({ t, world }) => ({
    payload: {
      roundId: (await matrixRound(t, world, 'proposing')).roundId,
      title: '背街小巷路灯亮化',
      description: '根据群众建议在城区统筹实施，年内完成建设并投入使用。',
      place: '临江市城区',
      cost: 120,
      unitId: 'dept-jn-zhujian',
    },
  }),
  'project.publishCandidates': async ({ t, world }) => {
    const { roundId } = await matrixRound(t, world, 'proposing');
    for (const title of ['老旧小区加装电梯', '城区公厕改造提升', '社区食堂建设']) {
      ok(
        await t.call(
          'project.addCandidate',
          { roundId, title, description: '根据群众建议在城区统筹实施，年内完成。', place: '临江市城区', cost: 100, unitId: 'dept-jn-zhujian' },
          { openid: ADMIN },
        ),
      );
    }
    return { payload: { roundId } };
  },
  'project.comment': async ({ t, world }) => ({
    payload: { candidateId: (await matrixRound(t, world, 'commenting')).candidateIds[0], clientRequestId: fresh('sec-req'), text: '支持这个项目，希望尽快实施。' },
  }),
  'project.vote': async ({ t, world }) => {
    const { roundId, candidateIds } = await matrixRound(t, world, 'voting');
    return { payload: { roundId, choices: [candidateIds[0]] } };
  },
  'project.getCandidate': async ({ t, world }) => ({ payload: { candidateId: (await matrixRound(t, world, 'commenting')).candidateIds[0] } }),
  'project.follow': async ({ t, world }) => ({ payload: { candidateId: (await matrixRound(t, world, 'commenting')).candidateIds[0], follow: true } }),
  'project.reportProgress': async ({ t, world }) => ({
    payload: { candidateId: (await matrixRound(t, world, 'delivering')).candidateIds[0], percent: 20, milestone: '完成招标', note: '已完成招标。' },
  }),
  'project.inspect': async ({ t, world }) => ({ payload: { candidateId: (await matrixRound(t, world, 'delivering')).candidateIds[0], note: '现场查看了施工进度。' } }),
  'project.rate': async ({ t, world }) => ({ payload: { candidateId: (await matrixRound(t, world, 'rating')).candidateIds[0], rating: 'satisfied' } }),
  'admin.importDirectory': async ({ t }) => ({
    payload: {
      workbook: (await writeWorkbook([['LJ77', '矩阵测试联络站', 'area-jiangnan', '江南区测试路7号', 30.2, 120.1, '', '', '', '在用']], [], t.clock.now())).toString('base64'),
      apply: false,
    },
  }),
  'admin.exportDirectory': fixed({}),
  'admin.printPosters': fixed({ kind: 'station', ids: [STATION], layout: 'cards' }),

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
