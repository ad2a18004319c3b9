import { DEFAULT_POINTS_RULES } from '../../miniprogram/shared/domain/duty';
import { addDays, shanghaiDate } from '../../miniprogram/shared/domain/time';
import { ok, useTestRuntime } from '../support/runtime';
import { bindDeputy } from './helpers/cloud';
import { nanhuDayOn, openLiuReview, staffOf } from './helpers/duty';
import { CITY_STAFF, JIANGNAN_STAFF } from '../support/people';

/**
 * What staff decide on the duty record, as they find it: the pending work of their scope (activities
 * deputies added, leave asked, contests), the 述职评议 periods of their area, and points rules that an
 * area writes from a date on without changing the scores of the years before.
 */
const LIU = 'dp-005';
const liu = 'duty-staff-liu';
let nanhuStaff: string;
let qingshiStaff: string;
let jiangbeiStaff: string;

const rosterDay = (date: string, deputyIds: string[]): Promise<string> => nanhuDayOn(t, 'rd-duty-staff', date, deputyIds);

const t = useTestRuntime();
beforeAll(async () => {
  await bindDeputy(t, liu, LIU);
  nanhuStaff = await staffOf(t, 'duty-staff-nanhu-2', { role: 'station', stationId: 'st-nanhu' });
  qingshiStaff = await staffOf(t, 'duty-staff-qingshi-2', { role: 'station', stationId: 'st-qingshi' });
  jiangbeiStaff = await staffOf(t, 'duty-staff-jiangbei-2', { role: 'area', areaId: 'area-jiangbei' });
}, 60_000);

describe('staff pending work', () => {
  it('station staff find the activity, the leave and the contest of their deputy, named; staff elsewhere find none of them', async () => {
    const today = shanghaiDate(t.clock.now());
    const year = Number(today.slice(0, 4));
    const { activity } = ok(
      await t.call('duty.addActivity', { clientRequestId: 'staff-pending-01', type: 'research', date: today, place: '湖滨社区', note: '调研停车难', photos: [] }, { openid: liu }),
    );
    const future = await rosterDay(addDays(today, 10), [LIU]);
    ok(await t.call('duty.askLeave', { dayId: future, reason: '参加市人大培训' }, { openid: liu }));
    ok(
      await t.call('duty.saveSettings', { areaId: 'area-jiangnan', contestFrom: `${year}-01-01`, contestUntil: `${year}-12-31`, rankingShown: false }, { openid: JIANGNAN_STAFF }),
    );
    const { contest } = ok(await t.call('duty.contest', { year, kind: 'missing', reason: '五月的视察没有记录' }, { openid: liu }));

    const pending = ok(await t.call('duty.listPending', {}, { openid: nanhuStaff }));
    expect(pending.activities.find((row) => row.activityId === activity.activityId)).toMatchObject({ deputyNames: ['刘德明'], place: '湖滨社区', statusLabel: '待工作人员确认' });
    expect(pending.leaves.find((row) => row.dayId === future)).toMatchObject({ deputyId: LIU, deputyName: '刘德明', reason: '参加市人大培训', status: 'asked' });
    expect(pending.contests.find((row) => row.contestId === contest.contestId)).toMatchObject({ deputyName: '刘德明', kindLabel: '漏', entryTitle: null, year });
    expect(ok(await t.call('duty.listPending', {}, { openid: JIANGNAN_STAFF })).activities.map((row) => row.activityId)).toContain(activity.activityId);

    for (const elsewhere of [qingshiStaff, jiangbeiStaff]) {
      const theirs = ok(await t.call('duty.listPending', {}, { openid: elsewhere }));
      expect(JSON.stringify(theirs)).not.toContain(LIU);
      expect(JSON.stringify(theirs)).not.toContain(activity.activityId);
    }

    // Decided, each leaves the list.
    ok(await t.call('duty.reviewActivity', { activityId: activity.activityId, confirm: true }, { openid: nanhuStaff }));
    ok(await t.call('duty.setAttendance', { dayId: future, deputyId: LIU, attendance: 'leaveApproved' }, { openid: nanhuStaff }));
    ok(await t.call('duty.decideContest', { contestId: contest.contestId, uphold: false, note: '经核实当天未参加' }, { openid: nanhuStaff }));
    const after = ok(await t.call('duty.listPending', {}, { openid: nanhuStaff }));
    expect(after.activities.some((row) => row.activityId === activity.activityId)).toBe(false);
    expect(after.leaves.some((row) => row.dayId === future)).toBe(false);
    expect(after.contests.some((row) => row.contestId === contest.contestId)).toBe(false);
  });

  it('a deputy and a resident are refused the staff list', async () => {
    expect(await t.call('duty.listPending', {}, { openid: liu })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await t.call('duty.listPending', {}, { openid: 'duty-staff-resident' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await t.call('duty.listReviews', {}, { openid: liu })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
  });
});

describe('述职评议 periods of the area', () => {
  it('area staff and station staff of its deputies list the period with its phase; another area does not', async () => {
    const today = shanghaiDate(t.clock.now());
    const reviewId = await openLiuReview(t, 'staff-reviews-01', today, {
      title: '江南区代表述职评议',
      year: Number(today.slice(0, 4)),
      opensOn: addDays(today, 1),
      closesOn: addDays(today, 20),
    });
    for (const openid of [JIANGNAN_STAFF, CITY_STAFF, nanhuStaff]) {
      const { reviews } = ok(await t.call('duty.listReviews', {}, { openid }));
      expect(reviews.find((row) => row.reviewId === reviewId)).toMatchObject({
        title: '江南区代表述职评议',
        phase: 'notYet',
        phaseLabel: '尚未开始',
        deputies: [{ deputyId: LIU, name: '刘德明' }],
        heldComments: 0,
      });
    }
    for (const openid of [jiangbeiStaff, qingshiStaff]) {
      const { reviews } = ok(await t.call('duty.listReviews', {}, { openid }));
      expect(reviews.some((row) => row.reviewId === reviewId)).toBe(false);
    }
    expect(ok(await t.call('duty.listReviews', { year: 2001 }, { openid: JIANGNAN_STAFF })).reviews).toEqual([]);
  });
});

describe('points rules written by an area', () => {
  it("a district's first version of its own leaves the years before under the city's rules", async () => {
    await rosterDay('2025-05-20', [LIU]);
    await rosterDay('2026-03-10', [LIU]);
    const score2025 = async () => ok(await t.call('duty.getRecord', { year: 2025, deputyId: LIU }, { openid: CITY_STAFF })).score.total;
    const before = await score2025();
    const cityRules = { ...DEFAULT_POINTS_RULES.rules, dutyDay: { points: 7, capPerYear: null } };
    ok(await t.call('duty.saveRules', { areaId: 'area-linjiang', effectiveFrom: '2025-01-01', rules: cityRules, missedDayPenalty: 2 }, { openid: CITY_STAFF }));
    const underCity = await score2025();
    expect(underCity).toBe(before - DEFAULT_POINTS_RULES.rules.dutyDay.points + 7);

    const districtRules = { ...DEFAULT_POINTS_RULES.rules, dutyDay: { points: 10, capPerYear: null } };
    const view = ok(
      await t.call('duty.saveRules', { areaId: 'area-jiangnan', effectiveFrom: '2026-01-01', rules: districtRules, missedDayPenalty: 2 }, { openid: JIANGNAN_STAFF }),
    );
    expect(view.versions.map((version) => `${version.areaId}|${version.effectiveFrom}`)).toEqual(['area-linjiang|2025-01-01', 'area-jiangnan|2026-01-01']);
    expect(await score2025()).toBe(underCity);
    const record2026 = ok(await t.call('duty.getRecord', { year: 2026, deputyId: LIU }, { openid: CITY_STAFF }));
    const dutyDays = record2026.entries.filter((entry) => entry.kind === 'dutyDay');
    expect(dutyDays.length).toBeGreaterThan(0);
    expect(dutyDays.every((entry) => entry.points === 10)).toBe(true);
  });
});
