import { packageCalendar } from '../../cloudfunctions/core/workingCalendar';

const { isWorkingDay } = packageCalendar;
import { COLLECTIONS } from '../../infra/database';
import { addDays, shanghaiDate, shanghaiInstant } from '../../miniprogram/shared/domain/time';
import { addWorkingDays, dueAfterWorkingDays, endOfShanghaiDay } from '../../miniprogram/shared/domain/workingDays';
import { ok, useTestRuntime, RATE_TURN, refusedWith, onlyOne } from '../support/runtime';
import { database, opinionFor, outbox } from './helpers/cloud';
import { JIANGNAN_STAFF, JN_CIVIL_HANDLER } from '../support/people';

/**
 * Deadlines in working days, the overdue list, 督办 and the daily timer that closes cases nobody
 * rated in time. How working days are counted across a holiday week (National Day 2026) is in
 * test/domain/caseDeadlines.test.ts; here the functions are shown to use that same calendar.
 */
const TIMER_EVENT = { Type: 'Timer', TriggerName: 'caseworkDaily', Message: '' };
const DAY_MS = 86_400_000;

const t = useTestRuntime();
afterAll(() => {
  delete process.env.CASE_DEADLINES;
});

async function submit(openid: string): Promise<{ opinionId: string; at: Date }> {
  const { opinionId, createdAt } = ok(await t.call('opinion.submit', opinionFor({ stationId: 'st-qingshi' }), { openid }));
  return { opinionId, at: new Date(createdAt) };
}

async function assigned(openid: string): Promise<string> {
  const { opinionId } = await submit(openid);
  ok(await t.call('casework.accept', { opinionId }, { openid: JIANGNAN_STAFF }));
  ok(await t.call('casework.assign', { opinionId, departmentIds: ['dept-jn-minzheng'], note: '请明确发放时间' }, { openid: JIANGNAN_STAFF }));
  return opinionId;
}

/** Moves a case's running deadline into the past, as if the days had gone by. */
async function backdateDeadline(opinionId: string, daysAgo: number): Promise<void> {
  await database(t)
    .collection(COLLECTIONS.opinions)
    .doc(opinionId)
    .update({ 'deadline.dueAt': new Date(t.clock.now().getTime() - daysAgo * DAY_MS) });
}

describe('deadlines follow the working-day calendar and the configuration', () => {
  test('a new opinion is due to be accepted by the end of the third working day after it was left', async () => {
    const { opinionId, at } = await submit('deadline-resident-1');
    const view = ok(await t.call('casework.get', { opinionId }, { openid: JIANGNAN_STAFF }));
    expect(view.deadline).toEqual({
      stage: 'accept',
      stageLabel: '受理',
      dueAt: dueAfterWorkingDays(at, 3, isWorkingDay).toISOString(),
      overdue: false,
      overdueWorkingDays: 0,
      holidaysUnknown: false,
    });
  });

  test('assigning gives each department fifteen working days', async () => {
    const opinionId = await assigned('deadline-resident-2');
    const view = ok(await t.call('casework.get', { opinionId }, { openid: JN_CIVIL_HANDLER }));
    const assignedAt = new Date(view.assignments[0]!.assignedAt);
    expect(view.deadline).toMatchObject({ stage: 'answer', stageLabel: '承办单位办理', dueAt: dueAfterWorkingDays(assignedAt, 15, isWorkingDay).toISOString() });
    expect(view.assignments[0]?.dueAt).toBe(view.deadline?.dueAt);
  });

  test('CASE_DEADLINES changes a stage for the functions that start its clock', async () => {
    process.env.CASE_DEADLINES = JSON.stringify({ accept: 5 });
    try {
      const { opinionId, at } = await submit('deadline-resident-3');
      const view = ok(await t.call('casework.get', { opinionId }, { openid: JIANGNAN_STAFF }));
      expect(view.deadline?.dueAt).toBe(dueAfterWorkingDays(at, 5, isWorkingDay).toISOString());
    } finally {
      delete process.env.CASE_DEADLINES;
    }
  });
});

describe('overdue cases', () => {
  test('are listed for staff, soonest due first, and flagged; those still in time are not', async () => {
    const late = await assigned('overdue-resident-1');
    const later = await assigned('overdue-resident-2');
    const inTime = await assigned('overdue-resident-3');
    await backdateDeadline(late, 3);
    await backdateDeadline(later, 1);
    const { items } = ok(await t.call('casework.list', { view: 'overdue', pageSize: 50 }, { openid: JIANGNAN_STAFF }));
    const ids = items.map((i) => i.opinionId);
    expect(ids).toEqual(expect.arrayContaining([late, later]));
    expect(ids).not.toContain(inTime);
    expect(ids.indexOf(late)).toBeLessThan(ids.indexOf(later));
    expect(items.find((i) => i.opinionId === late)).toMatchObject({ overdue: true, deadline: { stage: 'answer', overdue: true } });
    // Staff elsewhere see none of them.
    const { items: beishan } = ok(await t.call('casework.list', { view: 'overdue', pageSize: 50 }, { openid: 'demo-staff-beishan' }));
    expect(beishan.map((i) => i.opinionId)).not.toContain(late);
  });

  test('paged one at a time by cursor (on the deadline, a nested field), the list is the same, each case once', async () => {
    const whole = ok(await t.call('casework.list', { view: 'overdue', pageSize: 50 }, { openid: JIANGNAN_STAFF })).items.map((i) => i.opinionId);
    expect(whole.length).toBeGreaterThan(1);
    const paged: string[] = [];
    let cursor: string | null | undefined;
    do {
      const page = ok(await t.call('casework.list', { view: 'overdue', pageSize: 1, ...(cursor ? { cursor } : {}) }, { openid: JIANGNAN_STAFF }));
      paged.push(...page.items.map((i) => i.opinionId));
      cursor = page.nextCursor;
    } while (cursor && paged.length <= whole.length);
    expect(paged).toEqual(whole);
  });

  test('a stage finished late stays on record after the case moves on', async () => {
    const opinionId = await assigned('overdue-resident-4');
    await backdateDeadline(opinionId, 2);
    ok(await t.call('casework.answer', { opinionId, category: 'solved', text: '已固定每月10日发放' }, { openid: JN_CIVIL_HANDLER }));
    const view = ok(await t.call('casework.get', { opinionId }, { openid: JIANGNAN_STAFF }));
    expect(view).toMatchObject({ status: 'answered', deadline: { stage: 'review', overdue: false }, overdue: true, lateStages: [{ stage: 'answer', stageLabel: '承办单位办理' }] });
  });
});

describe('how late, in working days of the holiday calendar, counted by the back end at the request time', () => {
  /** Working days from `from` through today (Shanghai), counted here one by one with the back end's calendar. */
  function workingDaysThroughToday(from: string): number {
    const today = shanghaiDate(t.clock.now());
    let count = 0;
    for (let day = from; day <= today; day = addDays(day, 1)) if (isWorkingDay(day)) count += 1;
    return count;
  }

  /** Moves the running deadline, and the department's, to the end of `date`. */
  async function dueAtEndOf(opinionId: string, date: string): Promise<void> {
    const opinions = database(t).collection(COLLECTIONS.opinions);
    const { data } = await opinions.doc(opinionId).get();
    const doc = (Array.isArray(data) ? data[0] : data) as { assignments: Array<Record<string, unknown>> };
    const dueAt = endOfShanghaiDay(date);
    await opinions.doc(opinionId).update({ 'deadline.dueAt': dueAt, assignments: doc.assignments.map((a) => ({ ...a, dueAt })) });
  }

  test('across National Day 2026: the holiday week is not counted, the 调休 Saturday 10-10 is', async () => {
    const beforeHoliday = await assigned('late-resident-1');
    const afterHoliday = await assigned('late-resident-2');
    const inTime = await assigned('late-resident-3');
    await dueAtEndOf(beforeHoliday, '2026-09-30');
    await dueAtEndOf(afterHoliday, '2026-10-10');

    const { items } = ok(await t.call('casework.list', { view: 'all', pageSize: 50 }, { openid: JIANGNAN_STAFF }));
    const lateBy = (id: string) => items.find((i) => i.opinionId === id)?.deadline?.overdueWorkingDays;
    expect(lateBy(beforeHoliday)).toBe(workingDaysThroughToday('2026-10-01'));
    expect(lateBy(afterHoliday)).toBe(workingDaysThroughToday('2026-10-11'));
    // Between them: 10-08, 10-09 and the 调休 Saturday 10-10 — not the seven weekdays Monday–Friday counting gives.
    expect(lateBy(beforeHoliday)! - lateBy(afterHoliday)!).toBe(3);
    expect(lateBy(inTime)).toBe(0);

    const { items: todo } = ok(await t.call('casework.listAssigned', { view: 'todo', pageSize: 50 }, { openid: JN_CIVIL_HANDLER }));
    expect(todo.find((i) => i.opinionId === beforeHoliday)?.deadline?.overdueWorkingDays).toBe(lateBy(beforeHoliday));

    const view = ok(await t.call('casework.get', { opinionId: beforeHoliday }, { openid: JN_CIVIL_HANDLER }));
    expect(view.deadline).toMatchObject({ stage: 'answer', overdue: true, overdueWorkingDays: lateBy(beforeHoliday) });
    expect(view.assignments[0]).toMatchObject({ departmentId: 'dept-jn-minzheng', answer: null, overdueWorkingDays: lateBy(beforeHoliday) });
    // Nothing to assign for a handler, nor while the departments handle it.
    expect(view).toMatchObject({ assignWorkingDays: null, assignDueDate: null, assignDueAt: null });

    // Once answered, the department's part is no longer owed.
    ok(await t.call('casework.answer', { opinionId: beforeHoliday, category: 'solved', text: '已固定每月10日发放' }, { openid: JN_CIVIL_HANDLER }));
    const answered = ok(await t.call('casework.get', { opinionId: beforeHoliday }, { openid: JIANGNAN_STAFF }));
    expect(answered.assignments[0]?.overdueWorkingDays).toBe(0);
    expect(answered.deadline).toMatchObject({ stage: 'review', overdueWorkingDays: 0 });
  });

  test('the 交办 form is told the answer deadline an assignment made now gets, from CASE_DEADLINES and the calendar', async () => {
    const { opinionId } = await submit('late-resident-4');
    ok(await t.call('casework.accept', { opinionId }, { openid: JIANGNAN_STAFF }));
    process.env.CASE_DEADLINES = JSON.stringify({ answer: 20 });
    try {
      const before = t.clock.now();
      const view = ok(await t.call('casework.get', { opinionId }, { openid: JIANGNAN_STAFF }));
      const dueDate = addWorkingDays(shanghaiDate(before), 20, isWorkingDay);
      expect(view).toMatchObject({ assignWorkingDays: 20, assignDueDate: dueDate, assignDueAt: shanghaiInstant(addDays(dueDate, 1)).toISOString() });

      ok(await t.call('casework.assign', { opinionId, departmentIds: ['dept-jn-minzheng'], note: '请明确发放时间' }, { openid: JIANGNAN_STAFF }));
      const assignedView = ok(await t.call('casework.get', { opinionId }, { openid: JIANGNAN_STAFF }));
      // The promise kept: the deadline the assignment set is the one the form showed.
      expect(assignedView.assignments[0]?.dueAt).toBe(view.assignDueAt);
      expect(assignedView).toMatchObject({ assignWorkingDays: null, assignDueDate: null, assignDueAt: null });
    } finally {
      delete process.env.CASE_DEADLINES;
    }
  });
});

describe('督办: staff urge the departments', () => {
  test('the handler gets a message, the urging is counted and kept (internal) on the timeline', async () => {
    const opinionId = await assigned('urge-resident-1');
    const before = (await outbox(t)).length;
    const answer = await t.raw('casework', { action: 'casework.urge', payload: { opinionId, note: '群众多次来电，请本周内答复' } }, { openid: JIANGNAN_STAFF });
    expect(answer.body).toEqual({ ok: true, data: { opinionId, status: 'assigned', statusLabel: '办理中', event: 'urged', urgeCount: 1, notified: 1 } });
    expect(answer.databaseRequests).toBe(8 + RATE_TURN);
    expect(onlyOne((await outbox(t)).slice(before)).request).toMatchObject({
      touser: JN_CIVIL_HANDLER,
      template_id: 'lxq-case-urged',
      page: `packages/staff/case/index?opinionId=${opinionId}`,
      data: { thing2: { value: '群众多次来电，请本周内答复' }, thing4: { value: '江南区民政局' }, date3: { value: expect.stringMatching(/^\d{4}年\d{1,2}月\d{1,2}日$/) } },
    });

    expect(ok(await t.call('casework.urge', { opinionId, note: '再次督办' }, { openid: JIANGNAN_STAFF })).urgeCount).toBe(2);
    const view = ok(await t.call('casework.get', { opinionId }, { openid: JIANGNAN_STAFF }));
    expect(view.urgeCount).toBe(2);
    expect(view.timeline.filter((e) => e.type === 'urged').map((e) => [e.public, e.internalNote])).toEqual([
      [false, '群众多次来电，请本周内答复'],
      [false, '再次督办'],
    ]);
    const mine = ok(await t.call('opinion.getMine', { opinionId }, { openid: 'urge-resident-1' }));
    expect(mine.timeline.map((e) => e.type)).not.toContain('urged');
  });

  test('only while departments are handling it, and only by staff', async () => {
    const { opinionId } = await submit('urge-resident-2');
    expect(await t.call('casework.urge', { opinionId, note: '请加快' }, { openid: JIANGNAN_STAFF })).toEqual(refusedWith('CASE.ILLEGAL_TRANSITION'));
    const handled = await assigned('urge-resident-3');
    expect(await t.call('casework.urge', { opinionId: handled, note: '请加快' }, { openid: JN_CIVIL_HANDLER })).toEqual(refusedWith('AUTH.FORBIDDEN'));
    expect(await t.call('casework.urge', { opinionId: handled, note: '请加快' }, { openid: 'demo-staff-beishan' })).toEqual(refusedWith('CASE.NOT_FOUND'));
  });
});

describe('the daily timer closes cases nobody rated in time, as 未评价', () => {
  async function awaitingRating(resident: string): Promise<string> {
    const opinionId = await assigned(resident);
    ok(await t.call('casework.answer', { opinionId, category: 'solved', text: '已固定每月10日发放' }, { openid: JN_CIVIL_HANDLER }));
    ok(await t.call('casework.review', { opinionId, decision: 'approve' }, { openid: JIANGNAN_STAFF }));
    return opinionId;
  }

  test('a client cannot run it: the timer event from a user, or a made-up action, is an unknown action', async () => {
    // The seeded cases closed weeks ago are asked their 回访 now, so the counts below are this describe's own.
    await t.fireTimer('casework');
    const opinionId = await awaitingRating('timer-resident-0');
    await database(t)
      .collection(COLLECTIONS.opinions)
      .doc(opinionId)
      .update({ ratingDueAt: new Date(t.clock.now().getTime() - DAY_MS) });
    const unknown = { ok: false, code: 'COMMON.UNKNOWN_ACTION', message: '暂不支持该操作，请更新小程序后再试' };
    expect((await t.raw('casework', TIMER_EVENT, { openid: 'timer-resident-0' })).body).toEqual(unknown);
    expect((await t.raw('casework', { action: 'casework.closeUnrated', payload: {} }, { openid: JIANGNAN_STAFF })).body).toEqual(unknown);
    expect((await t.raw('casework', { ...TIMER_EVENT, TriggerName: 'bookingDaily' })).body).toEqual(unknown);
    expect(ok(await t.call('opinion.getMine', { opinionId }, { openid: 'timer-resident-0' })).status).toBe('awaitingRating');
  });

  test('past the window: closed, 未评价 on the resident’s timeline, never satisfied; in time: left alone; a second run changes nothing', async () => {
    const expired = await awaitingRating('timer-resident-1');
    const stillOpen = await awaitingRating('timer-resident-2');
    await database(t)
      .collection(COLLECTIONS.opinions)
      .doc(expired)
      .update({ ratingDueAt: new Date(t.clock.now().getTime() - 1000) });

    const first = await t.fireTimer('casework');
    // The one from the previous test and this one.
    // The statistics counters and the 待评价 queue follow the two closed cases; closing plans each one's 回访 weeks later: none is due now.
    expect(first.body).toEqual({ ok: true, data: { closedUnrated: 2, deadlinesRecounted: 0, casesSettled: 2, followUpsAsked: 0 } });
    expect(first.databaseRequests).toBe(15);
    expect((await t.fireTimer('casework')).body).toEqual({ ok: true, data: { closedUnrated: 0, deadlinesRecounted: 0, casesSettled: 0, followUpsAsked: 0 } });

    const mine = ok(await t.call('opinion.getMine', { opinionId: expired }, { openid: 'timer-resident-1' }));
    expect(mine).toMatchObject({ status: 'closed', statusLabel: '已办结', canRate: false, rating: { value: 'none', label: '未评价' } });
    expect(mine.timeline.at(-1)).toMatchObject({ type: 'closedUnrated', label: '评价期限已过，已办结（未评价）' });
    expect(await t.call('opinion.rate', { opinionId: expired, rating: 'satisfied' }, { openid: 'timer-resident-1' })).toEqual(refusedWith('OPINION.NOT_RATABLE'));
    expect(ok(await t.call('opinion.getMine', { opinionId: stillOpen }, { openid: 'timer-resident-2' }))).toMatchObject({ status: 'awaitingRating', canRate: true });

    const view = ok(await t.call('casework.get', { opinionId: expired }, { openid: JIANGNAN_STAFF }));
    expect(view).toMatchObject({ ratingDetail: { value: 'none', label: '未评价' }, closedAt: expect.any(String) });
  });
});
