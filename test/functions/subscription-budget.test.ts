import { ok, useTestRuntime } from '../support/runtime';
import { addTestDay, bookingPayload, daysFromToday } from './booking.support';
import { allowMessages, bindDeputy, opinionFor, outbox } from './helpers/cloud';

/**
 * The subscription budget, counted through the journeys: each 允许 a resident taps is one message
 * of that template; a notice spends one; without one left the news waits in 我的消息.
 */
/** 林秀英 (dp-002) receives at 南湖. */
const LIN = 'budget-deputy-lin';
const REPLY = 'lxq-opinion-replied';

const t = useTestRuntime();
beforeAll(async () => {
  await bindDeputy(t, LIN, 'dp-002');
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});

const sentTo = async (openid: string, before: number) => (await outbox(t)).slice(before).filter((m) => m.apiName === 'subscribeMessage.send' && m.request.touser === openid);
const submitted = async (openid: string) => ok(await t.call('opinion.submit', opinionFor({ deputyId: 'dp-002' }), { openid })).opinionId;
const reply = async (opinionId: string, text: string) => ok(await t.call('opinion.reply', { opinionId, text }, { openid: LIN }));

describe('an opinion’s reply and the budget of the reply template', () => {
  const resident = 'budget-resident-1';

  test('without an acceptance the reply waits in 我的消息, unread, and nothing goes by WeChat', async () => {
    const opinionId = await submitted(resident);
    const before = (await outbox(t)).length;
    expect(await reply(opinionId, '已联系街道，本周内修好路灯。')).toMatchObject({ notified: false });
    expect(await sentTo(resident, before)).toHaveLength(0);
    const messages = ok(await t.call('account.listMessages', {}, { openid: resident }));
    expect(messages).toMatchObject({ unread: 1, nextCursor: null });
    expect(messages.items).toEqual([
      expect.objectContaining({
        event: 'opinion.replied',
        title: '林秀英代表回复了您的意见',
        body: expect.stringContaining('已联系街道，本周内修好路灯。'),
        page: `pages/opinion/index?opinionId=${opinionId}`,
        read: false,
      }),
    ]);
    expect(ok(await t.call('account.countUnread', {}, { openid: resident }))).toEqual({ unread: 1 });
    expect(ok(await t.call('account.getProfile', {}, { openid: resident })).unread).toBe(1);
  });

  test('opening the list reads them; another resident can neither see nor read them', async () => {
    const [mine] = ok(await t.call('account.listMessages', {}, { openid: resident })).items;
    expect(ok(await t.call('account.listMessages', {}, { openid: 'budget-stranger' }))).toEqual({ items: [], nextCursor: null, unread: 0 });
    expect(ok(await t.call('account.getProfile', {}, { openid: 'budget-stranger' })).unread).toBe(0);
    expect(ok(await t.call('account.readMessages', { messageIds: [mine!.messageId] }, { openid: 'budget-stranger' }))).toEqual({ unread: 0 });
    expect(ok(await t.call('account.countUnread', {}, { openid: resident }))).toEqual({ unread: 1 });
    expect(ok(await t.call('account.readMessages', { messageIds: [mine!.messageId] }, { openid: resident }))).toEqual({ unread: 0 });
    expect(ok(await t.call('account.listMessages', {}, { openid: resident })).items[0]).toMatchObject({ read: true });
  });

  test('one acceptance is one message: the first reply after it goes by WeChat, the next waits in the app', async () => {
    expect(await allowMessages(t, resident, REPLY)).toEqual({ [REPLY]: 1 });
    const first = await submitted(resident);
    const second = await submitted(resident);
    const before = (await outbox(t)).length;
    expect(await reply(first, '感谢反馈，已转交城管部门。')).toMatchObject({ notified: true });
    expect(await reply(second, '已向区交通局反映。')).toMatchObject({ notified: false });
    expect((await sentTo(resident, before)).map((m) => m.request.page)).toEqual([`pages/opinion/index?opinionId=${first}`]);
    const { items, unread } = ok(await t.call('account.listMessages', {}, { openid: resident }));
    expect(unread).toBe(1);
    expect(items[0]).toMatchObject({ page: `pages/opinion/index?opinionId=${second}`, read: false });
  });

  test('acceptances add up, per template: two taps allow two replies; another template’s acceptance allows none', async () => {
    const other = 'budget-resident-2';
    await allowMessages(t, other, REPLY, 'lxq-case-answered');
    expect(await allowMessages(t, other, REPLY)).toEqual({ [REPLY]: 2 });
    const before = (await outbox(t)).length;
    for (const text of ['第一条回复。', '第二条回复。', '第三条回复。']) await reply(await submitted(other), text);
    expect(await sentTo(other, before)).toHaveLength(2);
    expect(ok(await t.call('account.countUnread', {}, { openid: other }))).toEqual({ unread: 1 });
    // The 办结 acceptance is still there, kept for the case closing.
    expect(await allowMessages(t, other, 'lxq-case-answered')).toEqual({ 'lxq-case-answered': 2 });
  });

  test('more than WeChat asks at once, or an id that is not a template id, is refused', async () => {
    expect(await t.call('account.grantSubscriptions', { templateIds: ['a', 'b', 'c', 'd'] }, { openid: resident })).toMatchObject({ ok: false, code: 'COMMON.INVALID_INPUT' });
    expect(await t.call('account.grantSubscriptions', { templateIds: ['not a template'] }, { openid: resident })).toMatchObject({ ok: false, code: 'COMMON.INVALID_INPUT' });
    expect(await t.call('account.grantSubscriptions', { templateIds: [REPLY] })).toMatchObject({ ok: false, code: 'AUTH.REQUIRED' });
  });
});

describe('a booking’s news and the budget of the booking templates', () => {
  test('a seat given from the waitlist: told by WeChat when allowed, else in 我的消息; a day cancelled likewise', async () => {
    const day = await addTestDay(t, { date: daysFromToday(t, 40), seats: 1 });
    ok(await t.call('booking.book', bookingPayload(day), { openid: 'budget-booker' }));
    ok(await t.call('booking.joinWaitlist', bookingPayload(day), { openid: 'budget-waiter' }));
    // After joining the waitlist the resident allowed the 候补成功 message, not the 取消 one.
    await allowMessages(t, 'budget-waiter', 'lxq-booking-promoted');
    const mine = ok(await t.call('booking.listMine', {}, { openid: 'budget-booker' })).upcoming.find((b) => b.dayId === day._id)!;
    const before = (await outbox(t)).length;
    ok(await t.call('booking.cancel', { bookingId: mine._id }, { openid: 'budget-booker' }));
    expect((await sentTo('budget-waiter', before)).map((m) => m.request.template_id)).toEqual(['lxq-booking-promoted']);

    ok(await t.call('booking.cancelDay', { dayId: day._id, reason: '代表集中学习' }, { openid: 'demo-staff-city' }));
    expect(await sentTo('budget-waiter', before)).toHaveLength(1);
    const { items, unread } = ok(await t.call('account.listMessages', {}, { openid: 'budget-waiter' }));
    expect(unread).toBe(1);
    expect(items).toEqual([expect.objectContaining({ event: 'booking.dayCancelled', title: '接待日取消：北山镇人大代表联络站', page: 'pages/my-bookings/index' })]);
  });
});
