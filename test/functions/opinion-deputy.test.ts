import { COLLECTIONS } from '../../infra/database';
import type { InboxItem, TabbedPage } from '../../miniprogram/shared/contract/opinion';
import { INBOX_FILTERS, type InboxFilter } from '../../miniprogram/shared/domain/opinion';
import { ok, RATE_TURN, useTestRuntime } from '../support/runtime';
import { allowMessages, bindDeputiesBeforeAll, database, opinionFor, outbox } from './helpers/cloud';

/** 陈建华 (dp-001) receives at 临江 (st-linjiang) together with 王志强, 张丽 and 周小燕. */
const CHEN = 'wx-chen';
/** 王志强 (dp-003) receives at 临江 and 北山. */
const WANG = 'wx-wang';
/** 林秀英 (dp-002) receives at 南湖 only. */
const LIN = 'wx-lin';

const t = useTestRuntime();
bindDeputiesBeforeAll(t, { [CHEN]: 'dp-001', [WANG]: 'dp-003', [LIN]: 'dp-002' });

async function submit(target: { deputyId: string } | { stationId: string }, openid: string, overrides = {}): Promise<string> {
  return ok(await t.call('opinion.submit', opinionFor(target, overrides), { openid })).opinionId;
}

describe('a deputy’s inbox', () => {
  test('opinions left for them and for their stations without a named deputy, oldest waiting first, with hours waited', async () => {
    const forChen = await submit({ deputyId: 'dp-001' }, 'inbox-resident-1');
    const forStation = await submit({ stationId: 'st-linjiang' }, 'inbox-resident-2');
    const forZhang = await submit({ deputyId: 'dp-004' }, 'inbox-resident-3');
    const answer = await t.raw('opinion', { action: 'opinion.inbox', payload: { status: 'pending' } }, { openid: CHEN });
    // The deputy, the page, and one count per tab.
    expect(answer.databaseRequests).toBe(6);
    const { items } = ok(answer.body as never) as { items: InboxItem[] };
    const ids = items.map((i) => i.opinionId);
    // The two demo opinions (75 h and 28 h old) come before today's.
    expect(ids.slice(0, 2)).toEqual(['op-demo-001', 'op-demo-002']);
    expect(items[0]).toMatchObject({ addressedTo: 'me', waitedHours: 75, statusLabel: '已提交', categoryLabel: '医疗卫生', trackingNo: expect.stringMatching(/^LJ01-/) });
    expect(items[1]).toMatchObject({ addressedTo: 'station', waitedHours: 28, stationName: '临江街道人大代表联络站' });
    expect(ids).toEqual(expect.arrayContaining([forChen, forStation]));
    expect(ids).not.toContain(forZhang);
    expect(ids.indexOf(forChen)).toBeLessThan(ids.indexOf(forStation));
  });

  test('another deputy of the same station sees the station’s opinions but not those named for 陈建华', async () => {
    const { items } = ok(await t.call('opinion.inbox', { status: 'pending' }, { openid: WANG }));
    expect(items.map((i) => i.opinionId)).toContain('op-demo-002');
    expect(items.map((i) => i.opinionId)).not.toContain('op-demo-001');
    const { items: lins } = ok(await t.call('opinion.inbox', { status: 'pending' }, { openid: LIN }));
    expect(lins.some((i) => i.stationName !== '南湖街道人大代表联络站')).toBe(false);
  });

  test('the replied tab lists what has been answered, with the hours it took', async () => {
    const { items } = ok(await t.call('opinion.inbox', { status: 'replied' }, { openid: CHEN }));
    expect(items.find((i) => i.opinionId === 'op-demo-003')).toMatchObject({ status: 'replied', statusLabel: '代表已回复', waitedHours: 24 });
  });

  test('the first page says how many each tab holds, counted in the database, and the counts follow a reply', async () => {
    const listed = async () =>
      Object.fromEntries(
        await Promise.all(INBOX_FILTERS.map(async (status) => [status, ok(await t.call('opinion.inbox', { status, pageSize: 50 }, { openid: CHEN })).items.length])),
      );
    const first = await t.raw('opinion', { action: 'opinion.inbox', payload: { status: 'replied', pageSize: 1 } }, { openid: CHEN });
    expect(first.databaseRequests).toBe(6);
    const { counts, items } = ok(first.body as never) as TabbedPage<InboxItem, InboxFilter>;
    expect(items).toHaveLength(1);
    expect(counts).toEqual(await listed());
    expect(counts?.pending).toBeGreaterThan(1);
    expect(counts?.replied).toBeGreaterThan(0);

    const opinionId = await submit({ deputyId: 'dp-001' }, 'count-resident');
    expect(ok(await t.call('opinion.inbox', { status: 'pending' }, { openid: CHEN })).counts).toEqual({ ...counts, pending: (counts?.pending ?? 0) + 1 });
    ok(await t.call('opinion.reply', { opinionId, text: '您好，已请社区核实并尽快处理。' }, { openid: CHEN }));
    expect(ok(await t.call('opinion.inbox', { status: 'pending' }, { openid: CHEN })).counts).toEqual({ ...counts, replied: (counts?.replied ?? 0) + 1 });
    // 王志强 shares the station, not what was left for 陈建华 by name: his counts are his own.
    const wangs = ok(await t.call('opinion.inbox', { status: 'pending', pageSize: 50 }, { openid: WANG }));
    expect(wangs.counts?.pending).toBe(wangs.items.length);
  });

  test('a later page brings no counts and costs two database requests', async () => {
    const page1 = ok(await t.call('opinion.inbox', { status: 'pending', pageSize: 1 }, { openid: CHEN }));
    const page2 = await t.raw('opinion', { action: 'opinion.inbox', payload: { status: 'pending', pageSize: 1, cursor: page1.nextCursor ?? '' } }, { openid: CHEN });
    expect(page2.databaseRequests).toBe(2);
    const body = ok(page2.body as never) as TabbedPage<InboxItem, InboxFilter>;
    expect(body.items).toHaveLength(1);
    expect(body).not.toHaveProperty('counts');
  });

  test('pages follow the cursor', async () => {
    const page1 = ok(await t.call('opinion.inbox', { status: 'pending', pageSize: 1 }, { openid: CHEN }));
    expect(page1.items).toHaveLength(1);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const page2 = ok(await t.call('opinion.inbox', { status: 'pending', pageSize: 1, cursor: page1.nextCursor ?? '' }, { openid: CHEN }));
    expect(page2.items[0]?.opinionId).not.toBe(page1.items[0]?.opinionId);
    // A client released before keyset paging sends the offset: it still gets the same page.
    const legacy = ok(await t.call('opinion.inbox', { status: 'pending', pageSize: 1, cursor: 1 }, { openid: CHEN }));
    expect(legacy.items).toEqual(page2.items);
  });

  test('a resident, or staff, calling the inbox is refused', async () => {
    const refusal = { ok: false, code: 'AUTH.FORBIDDEN', message: '您没有权限进行此操作' };
    expect(await t.call('opinion.inbox', { status: 'pending' }, { openid: 'demo-resident-001' })).toEqual(refusal);
    expect(await t.call('opinion.inbox', { status: 'pending' }, { openid: 'demo-staff-city' })).toEqual(refusal);
    expect(await t.call('opinion.inbox', { status: 'pending' })).toMatchObject({ code: 'AUTH.REQUIRED' });
  });
});

describe('a deputy opens an opinion', () => {
  test('the first opening marks it read, and the resident’s timeline says so; later openings do not repeat it', async () => {
    const opinionId = await submit({ deputyId: 'dp-001' }, 'reader-resident');
    const first = await t.raw('opinion', { action: 'opinion.getForDeputy', payload: { opinionId } }, { openid: CHEN });
    // Two more settle the statistics counters (the case's figures do not move).
    expect(first.databaseRequests).toBe(5);
    expect(first.body).toMatchObject({ ok: true, data: { status: 'read', statusLabel: '代表已阅', addressedTo: 'me' } });
    const again = await t.raw('opinion', { action: 'opinion.getForDeputy', payload: { opinionId } }, { openid: CHEN });
    expect(again.databaseRequests).toBe(2);
    const mine = ok(await t.call('opinion.getMine', { opinionId }, { openid: 'reader-resident' }));
    expect(mine.statusLabel).toBe('代表已阅');
    expect(mine.timeline.map((e) => [e.type, e.label, e.actorName])).toEqual([
      ['received', '意见已提交，等待代表查看', undefined],
      ['read', '代表已阅读您的意见', '陈建华'],
    ]);
  });

  test('the phone is shown only with the resident’s consent, otherwise masked', async () => {
    const consented = ok(await t.call('opinion.getForDeputy', { opinionId: 'op-demo-001' }, { openid: CHEN }));
    expect(consented.contact).toEqual({ name: '李阿姨', phone: '13812345678', mayContact: true });
    const masked = ok(await t.call('opinion.getForDeputy', { opinionId: 'op-demo-002' }, { openid: CHEN }));
    expect(masked.contact).toEqual({ phone: '139****1111', mayContact: false });
    expect(JSON.stringify(masked)).not.toContain('13900001111');
  });

  test('an opinion flagged by content security reaches the deputy only once staff approve it, and then with the flag', async () => {
    const opinionId = await submit({ deputyId: 'dp-001' }, 'flagged-resident', { text: '楼下有人发传单，说加微信领红包，老人容易上当。' });
    expect(await t.call('opinion.getForDeputy', { opinionId }, { openid: CHEN })).toMatchObject({ ok: false, code: 'OPINION.NOT_FOUND' });
    ok(await t.call('moderation.approve', { opinionId }, { openid: 'demo-staff-city' }));
    expect(ok(await t.call('opinion.getForDeputy', { opinionId }, { openid: CHEN })).flaggedForReview).toBe(true);
    expect(ok(await t.call('opinion.getForDeputy', { opinionId: 'op-demo-001' }, { openid: CHEN })).flaggedForReview).toBe(false);
  });

  test('an opinion addressed to another deputy answers exactly like a missing one', async () => {
    const forLin = await submit({ deputyId: 'dp-002' }, 'other-resident');
    const notMine = await t.call('opinion.getForDeputy', { opinionId: forLin }, { openid: CHEN });
    const missing = await t.call('opinion.getForDeputy', { opinionId: 'e'.repeat(32) }, { openid: CHEN });
    expect(notMine).toEqual({ ok: false, code: 'OPINION.NOT_FOUND', message: '没有找到这条意见，请返回列表刷新后再试' });
    expect(missing).toEqual(notMine);
    expect(await t.call('opinion.reply', { opinionId: forLin, text: '我来回复一下这个问题。' }, { openid: CHEN })).toEqual(notMine);
    expect(await t.call('opinion.forward', { opinionId: forLin, note: '请交办' }, { openid: CHEN })).toEqual(notMine);
    const { data } = await database(t).collection(COLLECTIONS.opinions).doc(forLin).get();
    expect(data[0]).toMatchObject({ status: 'received' });
  });
});

describe('a deputy replies or forwards', () => {
  test('a reply reaches the resident’s timeline and a subscribe message goes out', async () => {
    const opinionId = await submit({ stationId: 'st-linjiang' }, 'replied-resident');
    const { trackingNo } = ok(await t.call('opinion.getMine', { opinionId }, { openid: 'replied-resident' }));
    expect(await allowMessages(t, 'replied-resident', 'lxq-opinion-replied')).toEqual({ 'lxq-opinion-replied': 1 });
    const before = (await outbox(t)).length;
    const answer = await t.raw('opinion', { action: 'opinion.reply', payload: { opinionId, text: '  您好，已联系交警部门，下月起调整信号灯配时。  ' } }, { openid: WANG });
    expect(answer.body).toEqual({ ok: true, data: { opinionId, status: 'replied', statusLabel: '代表已回复', event: 'replied', notified: true } });
    // Four, the acceptance spent, and seven for the statistics counters (the replying deputy's first counters created) and the queues (待受理 → 待评价).
    expect(answer.databaseRequests).toBe(12 + RATE_TURN);

    const mine = ok(await t.call('opinion.getMine', { opinionId }, { openid: 'replied-resident' }));
    expect(mine.status).toBe('replied');
    expect(mine.timeline.at(-1)).toMatchObject({ type: 'replied', label: '代表已回复', actorName: '王志强', note: '您好，已联系交警部门，下月起调整信号灯配时。' });

    const sent = (await outbox(t)).slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      apiName: 'subscribeMessage.send',
      request: {
        touser: 'replied-resident',
        template_id: 'lxq-opinion-replied',
        page: `pages/opinion/index?opinionId=${opinionId}`,
        data: {
          character_string1: { value: trackingNo },
          thing2: { value: '您好，已联系交警部门，下月起调整信号灯…' },
          name3: { value: '王志强' },
          time4: { value: expect.stringMatching(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/) },
        },
      },
    });

    const { items } = ok(await t.call('opinion.inbox', { status: 'replied' }, { openid: WANG }));
    expect(items[0]).toMatchObject({ opinionId, status: 'replied' });
  });

  test('a second answer to the same opinion (another deputy of the station, or a double tap) is refused', async () => {
    const opinionId = await submit({ stationId: 'st-linjiang' }, 'twice-resident');
    const answers = await Promise.all([
      t.call('opinion.reply', { opinionId, text: '已收到，我们会跟进。' }, { openid: CHEN }),
      t.call('opinion.reply', { opinionId, text: '已收到，正在核实情况。' }, { openid: WANG }),
    ]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.find((a) => !a.ok)).toEqual({ ok: false, code: 'OPINION.ALREADY_HANDLED', message: '这条意见已经处理过了，请刷新后查看' });
    const mine = ok(await t.call('opinion.getMine', { opinionId }, { openid: 'twice-resident' }));
    expect(mine.timeline.filter((e) => e.type === 'replied')).toHaveLength(1);
  });

  test('forwarding tells the resident it was forwarded, and keeps the note for staff', async () => {
    const opinionId = await submit({ deputyId: 'dp-001' }, 'forwarded-resident');
    const answer = ok(await t.call('opinion.forward', { opinionId, note: '涉及住建局职责，请常委会交办' }, { openid: CHEN }));
    expect(answer).toEqual({ opinionId, status: 'forwarded', statusLabel: '已转交办理', event: 'forwarded' });
    const mine = ok(await t.call('opinion.getMine', { opinionId }, { openid: 'forwarded-resident' }));
    expect(mine.timeline.at(-1)).toEqual({ type: 'forwarded', label: '代表已转交人大常委会工作机构办理', at: expect.any(String), actorName: '陈建华' });
    expect(JSON.stringify(mine)).not.toContain('住建局');
    const forDeputy = ok(await t.call('opinion.getForDeputy', { opinionId }, { openid: CHEN }));
    expect(forDeputy.timeline.at(-1)).toMatchObject({ type: 'forwarded', internalNote: '涉及住建局职责，请常委会交办' });
    expect(ok(await t.call('opinion.inbox', { status: 'forwarded' }, { openid: CHEN })).items.map((i) => i.opinionId)).toContain(opinionId);
    expect(await t.call('opinion.reply', { opinionId, text: '补充回复一下内容。' }, { openid: CHEN })).toMatchObject({ code: 'OPINION.ALREADY_HANDLED' });
  });

  test('when WeChat refuses the message, the reply still stands and the deputy is told it was not notified', async () => {
    const opinionId = await submit({ deputyId: 'dp-002' }, 'unnotified-resident');
    const before = (await outbox(t)).length;
    process.env.OPINION_REPLY_TEMPLATE_ID = 'not a template id';
    try {
      const answer = ok(await t.call('opinion.reply', { opinionId, text: '感谢反馈，已转告学校。' }, { openid: LIN }));
      expect(answer).toMatchObject({ status: 'replied', notified: false });
    } finally {
      delete process.env.OPINION_REPLY_TEMPLATE_ID;
    }
    expect(await outbox(t)).toHaveLength(before);
    expect(ok(await t.call('opinion.getMine', { opinionId }, { openid: 'unnotified-resident' })).timeline.at(-1)).toMatchObject({ note: '感谢反馈，已转告学校。' });
  });

  test('a non-deputy replying or forwarding is refused and nothing changes', async () => {
    const opinionId = await submit({ deputyId: 'dp-001' }, 'refusal-resident');
    for (const openid of ['refusal-resident', 'demo-staff-city']) {
      expect(await t.call('opinion.reply', { opinionId, text: '我冒充代表回复一下。' }, { openid })).toMatchObject({ code: 'AUTH.FORBIDDEN' });
      expect(await t.call('opinion.forward', { opinionId, note: '冒充转交' }, { openid })).toMatchObject({ code: 'AUTH.FORBIDDEN' });
      expect(await t.call('opinion.getForDeputy', { opinionId }, { openid })).toMatchObject({ code: 'AUTH.FORBIDDEN' });
    }
    expect(ok(await t.call('opinion.getMine', { opinionId }, { openid: 'refusal-resident' })).status).toBe('received');
  });

  test('a reply too short to say anything is refused with the field named', async () => {
    expect(await t.call('opinion.reply', { opinionId: 'op-demo-001', text: ' 好 ' }, { openid: CHEN })).toMatchObject({
      code: 'COMMON.INVALID_INPUT',
      fields: { text: '请至少写5个字' },
    });
  });
});
