import { COLLECTIONS } from '../../infra/database';
import { shanghaiInstant } from '../../miniprogram/shared/domain/time';
import { ok, useTestRuntime, refusedWith } from '../support/runtime';
import { allowMessages, bindDeputy, database, opinionFor, outbox } from './helpers/cloud';
import { JIANGNAN_STAFF } from '../support/people';

/**
 * 回访 as a resident and staff live it: a case closed on Wednesday 11-04 is asked, through the
 * resident notice door, by the hourly casework timer once its day has come (21 days later, 10:00
 * Shanghai); the resident answers once on their own case; 没有解决 shows in statistics apart from
 * the rating and lets staff reopen the case.
 */
const CLOSED_AT = shanghaiInstant('2026-11-04', '20:15');
const ASK_AT = shanghaiInstant('2026-11-25', '10:00');
const LIN = 'followup-deputy-lin';
const FOLLOW_UP = 'lxq-case-follow-up';
/** Asked with a 回访 acceptance left: the subscribe message. */
const SUBSCRIBED = 'followup-resident-subscribed';
/** Asked without one: 我的消息. */
const UNSUBSCRIBED = 'followup-resident-inbox';

let answered: string;
let inboxCase: string;

const sentTo = async (openid: string, before: number) => (await outbox(t)).slice(before).filter((m) => m.apiName === 'subscribeMessage.send' && m.request.touser === openid);

async function closedCase(resident: string): Promise<string> {
  const { opinionId } = ok(await t.call('opinion.submit', opinionFor({ deputyId: 'dp-002' }), { openid: resident }));
  ok(await t.call('opinion.reply', { opinionId, text: '已联系社区，本周修好路灯。' }, { openid: LIN }));
  ok(await t.call('opinion.rate', { opinionId, rating: 'satisfied' }, { openid: resident }));
  return opinionId;
}

async function followUpFigures() {
  const { counts, rates } = ok(await t.call('casework.stats', { from: '2026-11-04', to: '2026-11-04', scope: { stationId: 'st-nanhu' } }, { openid: JIANGNAN_STAFF }));
  return { followedUp: counts.followedUp, solved: counts.followUpSolved, unsolved: counts.followUpUnsolved, rate: rates.followUpSolvedRate, satisfied: counts.satisfied };
}

const t = useTestRuntime({ at: shanghaiInstant('2026-11-04', '09:00'), frozen: true });
beforeAll(async () => {
  await bindDeputy(t, LIN, 'dp-002');
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  t.clock.set(CLOSED_AT);
  await allowMessages(t, SUBSCRIBED, FOLLOW_UP);
  answered = await closedCase(SUBSCRIBED);
  inboxCase = await closedCase(UNSUBSCRIBED);
});

describe('asking: the hourly timer, once, when its day has come', () => {
  test('closing plans it 21 days later at 10:00; before that the timer asks nothing and the resident cannot answer', async () => {
    const { data } = await database(t).collection(COLLECTIONS.opinions).doc(answered).get();
    expect(new Date(data[0].followUpDueAt)).toEqual(ASK_AT);
    t.clock.set(shanghaiInstant('2026-11-25', '09:35'));
    // The seeded cases closed since 11-04 come due by then and are asked; these two are not.
    expect((await t.fireTimer('casework')).body).toMatchObject({ ok: true });
    expect(await t.call('opinion.answerFollowUp', { opinionId: answered, answer: 'solved' }, { openid: SUBSCRIBED })).toEqual(refusedWith('OPINION.FOLLOW_UP_NOT_DUE'));
    expect(ok(await t.call('opinion.getMine', { opinionId: answered }, { openid: SUBSCRIBED })).followUp).toBeUndefined();
    expect(ok(await t.call('opinion.getMine', { opinionId: inboxCase }, { openid: UNSUBSCRIBED })).followUp).toBeUndefined();
  });

  test('at the first firing after 10:00 each resident is asked once: by WeChat while a 回访 acceptance is left, else in 我的消息', async () => {
    t.clock.set(shanghaiInstant('2026-11-25', '10:35'));
    const before = (await outbox(t)).length;
    expect((await t.fireTimer('casework')).body).toMatchObject({ ok: true, data: { followUpsAsked: 2 } });
    const sent = await sentTo(SUBSCRIBED, before);
    expect(sent.map((m) => [m.request.template_id, m.request.page])).toEqual([[FOLLOW_UP, `packages/resident/follow-up/index?opinionId=${answered}`]]);
    expect(await sentTo(UNSUBSCRIBED, before)).toHaveLength(0);
    const messages = ok(await t.call('account.listMessages', {}, { openid: UNSUBSCRIBED }));
    expect(messages.items.filter((m) => m.event === 'case.followUp')).toEqual([
      expect.objectContaining({ title: '回访：您反映的问题解决了吗？', page: `packages/resident/follow-up/index?opinionId=${inboxCase}`, read: false }),
    ]);
    const mine = ok(await t.call('opinion.getMine', { opinionId: answered }, { openid: SUBSCRIBED }));
    expect(mine.followUp).toEqual({ askedAt: shanghaiInstant('2026-11-25', '10:35').toISOString(), canAnswer: true });
    expect(mine.timeline.at(-1)).toMatchObject({ type: 'followUpAsked' });

    // The next firings ask nobody again.
    t.clock.set(shanghaiInstant('2026-11-25', '11:35'));
    const again = (await outbox(t)).length;
    expect((await t.fireTimer('casework')).body).toMatchObject({ ok: true, data: { followUpsAsked: 0 } });
    expect(await sentTo(SUBSCRIBED, again)).toHaveLength(0);
  });
});

describe('answering: the resident, on their own case, once', () => {
  test('another resident finds nothing, exactly like a missing case', async () => {
    expect(await t.call('opinion.answerFollowUp', { opinionId: answered, answer: 'solved' }, { openid: UNSUBSCRIBED })).toEqual(refusedWith('OPINION.NOT_FOUND'));
  });

  test('没有解决 is kept apart from the rating, shows as its own figure and opens for staff; a second answer is refused', async () => {
    const before = await followUpFigures();
    const result = ok(await t.call('opinion.answerFollowUp', { opinionId: answered, answer: 'unsolved', note: '路灯过了一周又不亮了' }, { openid: SUBSCRIBED }));
    expect(result).toEqual({ opinionId: answered, status: 'closed', statusLabel: '已办结', event: 'followedUp', answer: 'unsolved', reopenable: true });
    const mine = ok(await t.call('opinion.getMine', { opinionId: answered }, { openid: SUBSCRIBED }));
    expect(mine).toMatchObject({ rating: { value: 'satisfied' }, followUp: { canAnswer: false, answer: { value: 'unsolved', label: '没有解决', note: '路灯过了一周又不亮了' } } });
    expect(await t.call('opinion.answerFollowUp', { opinionId: answered, answer: 'solved' }, { openid: SUBSCRIBED })).toEqual(refusedWith('OPINION.FOLLOW_UP_ANSWERED'));

    const after = await followUpFigures();
    expect(after).toMatchObject({ followedUp: before.followedUp + 1, unsolved: before.unsolved + 1, solved: before.solved, satisfied: before.satisfied });
    expect(after.rate).toBe(after.followedUp === 0 ? null : Math.round((after.solved / after.followedUp) * 1000) / 10);
    const drill = ok(
      await t.call('casework.drillDown', { from: '2026-11-04', to: '2026-11-04', scope: { stationId: 'st-nanhu' }, figure: 'followUpUnsolved' }, { openid: JIANGNAN_STAFF }),
    );
    expect(drill.items.map((item) => ('opinionId' in item ? item.opinionId : ''))).toContain(answered);
  });

  test('two taps at once write one answer; the other is told it was answered', async () => {
    const answers = await Promise.all([
      t.call('opinion.answerFollowUp', { opinionId: inboxCase, answer: 'solved' }, { openid: UNSUBSCRIBED }),
      t.call('opinion.answerFollowUp', { opinionId: inboxCase, answer: 'solved' }, { openid: UNSUBSCRIBED }),
    ]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok)).toEqual([refusedWith('OPINION.FOLLOW_UP_ANSWERED')]);
  });
});

describe('reopening: staff, only after 没有解决', () => {
  test('the case page offers 重新交办 after 没有解决, and only then', async () => {
    const view = ok(await t.call('casework.get', { opinionId: answered }, { openid: JIANGNAN_STAFF }));
    expect(view.actions).toEqual(['reopen']);
    expect(view.followUpDetail).toMatchObject({ askedAt: expect.any(String), answer: { value: 'unsolved', label: '没有解决', note: '路灯过了一周又不亮了' } });
    expect(view.ratingDetail).toMatchObject({ value: 'satisfied' });
    expect(ok(await t.call('casework.get', { opinionId: inboxCase }, { openid: JIANGNAN_STAFF })).actions).toEqual([]);
    expect(await t.call('casework.reopen', { opinionId: inboxCase, note: '重新交办' }, { openid: JIANGNAN_STAFF })).toEqual(refusedWith('CASE.NOT_REOPENABLE'));
  });

  test('reopened, it is assigned again; reopening twice is refused', async () => {
    expect(ok(await t.call('casework.reopen', { opinionId: answered, note: '回访仍未解决，重新交办' }, { openid: JIANGNAN_STAFF }))).toMatchObject({
      status: 'reopened',
      event: 'reopened',
    });
    expect(await t.call('casework.reopen', { opinionId: answered, note: '再次重新交办' }, { openid: JIANGNAN_STAFF })).toEqual(refusedWith('CASE.ILLEGAL_TRANSITION'));
    expect(
      ok(await t.call('casework.assign', { opinionId: answered, departmentIds: ['dept-jn-zhujian'], note: '回访仍未解决，请重新核实' }, { openid: JIANGNAN_STAFF })),
    ).toMatchObject({
      status: 'assigned',
    });
    const mine = ok(await t.call('opinion.getMine', { opinionId: answered }, { openid: SUBSCRIBED }));
    expect(mine.timeline.map((e) => e.type).slice(-3)).toEqual(['followedUp', 'reopened', 'assigned']);
  });
});
