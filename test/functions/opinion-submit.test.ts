import { COLLECTIONS } from '../../infra/database';
import { shanghaiDate } from '../../miniprogram/shared/domain/time';
import { ok, useTestRuntime, FIRST_RATE_TURN } from '../support/runtime';
import { database, opinionFor, uploadPhoto } from './helpers/cloud';

const t = useTestRuntime();

const yymmdd = () => shanghaiDate(t.clock.now()).slice(2).replace(/-/g, '');

async function storedFor(openid: string): Promise<number> {
  const { total } = await database(t).collection(COLLECTIONS.opinions).where({ authorOpenid: openid }).count();
  return total;
}

describe('opinion.submit: a resident leaves an opinion and gets a tracking number', () => {
  test('an opinion for a station gets that station’s code, today’s date and the next number of the day', async () => {
    const first = ok(await t.call('opinion.submit', opinionFor({ stationId: 'st-nanhu' }), { openid: 'submit-a' }));
    expect(first).toEqual({
      opinionId: expect.stringMatching(/^[0-9a-f]{32}$/),
      trackingNo: `NH01-${yymmdd()}-001`,
      status: 'received',
      statusLabel: '已提交',
      createdAt: expect.any(String),
    });
    const second = ok(await t.call('opinion.submit', opinionFor({ stationId: 'st-nanhu' }), { openid: 'submit-b' }));
    expect(second.trackingNo).toBe(`NH01-${yymmdd()}-002`);
  });

  test('an opinion for a deputy is numbered at their first station and shows whom it was for', async () => {
    const { opinionId, trackingNo } = ok(await t.call('opinion.submit', opinionFor({ deputyId: 'dp-003' }), { openid: 'submit-c' }));
    expect(trackingNo).toMatch(new RegExp(`^LJ01-${yymmdd()}-\\d{3}$`));
    const mine = ok(await t.call('opinion.getMine', { opinionId }, { openid: 'submit-c' }));
    expect(mine.target).toEqual({ kind: 'deputy', id: 'dp-003', name: '王志强', stationName: '临江街道人大代表联络站' });
  });

  test('concurrent submits at one station each get a different number', async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => t.call('opinion.submit', opinionFor({ stationId: 'st-qingshi' }), { openid: `submit-burst-${i}` })));
    const numbers = answers.map((a) => ok(a).trackingNo);
    expect(new Set(numbers).size).toBe(8);
    expect(numbers.map((n) => Number(n.slice(-3))).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  test('30 residents submitting at once to one station all get a number: no internal error, none twice', async () => {
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => t.call('opinion.submit', opinionFor({ stationId: 'st-nanhu' }), { openid: `submit-storm-${i}` })));
    const refused = answers.filter((a) => !a.ok);
    expect(refused).toEqual([]);
    const numbers = answers.map((a) => ok(a).trackingNo);
    expect(new Set(numbers).size).toBe(30);
  });

  test('a retried submit answers the first opinion and stores no second one', async () => {
    const payload = opinionFor({ stationId: 'st-beishan' });
    const first = ok(await t.call('opinion.submit', payload, { openid: 'submit-retry' }));
    const again = ok(await t.call('opinion.submit', payload, { openid: 'submit-retry' }));
    expect(again).toEqual(first);
    const racing = await Promise.all([1, 2, 3].map(() => t.call('opinion.submit', { ...payload, clientRequestId: 'race-0001' }, { openid: 'submit-retry' })));
    expect(new Set(racing.map((a) => ok(a).trackingNo)).size).toBe(1);
    expect(await storedFor('submit-retry')).toBe(2);
  });

  test('the same client request id from another resident is another opinion', async () => {
    const payload = opinionFor({ stationId: 'st-beishan' });
    const mine = ok(await t.call('opinion.submit', payload, { openid: 'submit-d' }));
    const theirs = ok(await t.call('opinion.submit', payload, { openid: 'submit-e' }));
    expect(theirs.opinionId).not.toBe(mine.opinionId);
  });

  test('photos, location and contact are kept; the resident sees their own contact in full', async () => {
    const photos = [await uploadPhoto(t), await uploadPhoto(t)];
    const { opinionId } = ok(
      await t.call(
        'opinion.submit',
        opinionFor(
          { stationId: 'st-linjiang' },
          {
            photos,
            location: { latitude: 30.59, longitude: 114.3, address: '和平路88号' },
            contact: { name: '王先生', phone: '13812345678', mayContact: false },
            text: '   路灯坏了两个星期了，晚上走路很危险，请尽快修理。   ',
          },
        ),
        { openid: 'submit-f' },
      ),
    );
    const mine = ok(await t.call('opinion.getMine', { opinionId }, { openid: 'submit-f' }));
    expect(mine.text).toBe('路灯坏了两个星期了，晚上走路很危险，请尽快修理。');
    expect(mine.photos.map((p) => p.fileID)).toEqual(photos);
    expect(mine.photos.every((p) => p.url.startsWith('http'))).toBe(true);
    expect(mine.location).toEqual({ latitude: 30.59, longitude: 114.3, address: '和平路88号' });
    expect(mine.contact).toEqual({ name: '王先生', phone: '13812345678', mayContact: false });
  });

  test('a new opinion takes few database requests; a retry fewer', async () => {
    const payload = opinionFor({ deputyId: 'dp-005' });
    const fresh = await t.raw('opinion', { action: 'opinion.submit', payload }, { openid: 'submit-count' });
    expect(fresh.body).toMatchObject({ ok: true });
    // Four of them bring the statistics counters, and the place's 待受理 queue, up to date with the new case.
    expect(fresh.databaseRequests).toBeLessThanOrEqual(10 + FIRST_RATE_TURN);
    const retry = await t.raw('opinion', { action: 'opinion.submit', payload }, { openid: 'submit-count' });
    expect(retry.databaseRequests).toBe(2);
  });
});

describe('opinion.submit refusals: nothing is stored', () => {
  test('without WeChat identity', async () => {
    expect(await t.call('opinion.submit', opinionFor({ stationId: 'st-nanhu' }))).toEqual({ ok: false, code: 'AUTH.REQUIRED', message: '请在微信中打开小程序后再试' });
  });

  test('an OPENID in the body is ignored: the opinion belongs to the caller of the context', async () => {
    const payload = opinionFor({ stationId: 'st-nanhu' });
    const spoof = await t.raw('opinion', { action: 'opinion.submit', payload, openid: 'victim', userInfo: { openId: 'victim' } });
    expect(spoof.body).toMatchObject({ ok: false, code: 'AUTH.REQUIRED' });
    const real = await t.raw('opinion', { action: 'opinion.submit', payload, userInfo: { openId: 'victim' } }, { openid: 'submit-g' });
    expect(real.body).toMatchObject({ ok: true });
    expect(await storedFor('victim')).toBe(0);
    expect(await storedFor('submit-g')).toBe(1);
  });

  test('too short, too long, unknown category, too many or foreign photos, bad phone: the fields are named in Chinese', async () => {
    const refused = await t.call(
      'opinion.submit',
      opinionFor({ stationId: 'st-nanhu' }, { text: '  太短了  ', category: 'weather' as never, contact: { phone: '12345', mayContact: false } }),
      { openid: 'submit-h' },
    );
    expect(refused).toMatchObject({
      ok: false,
      code: 'COMMON.INVALID_INPUT',
      message: '填写的内容有误，请检查后再试',
      fields: { text: '请至少写10个字', category: '不在可选范围内', 'contact.phone': '请填写11位手机号码' },
    });
    const long = await t.call('opinion.submit', opinionFor({ stationId: 'st-nanhu' }, { text: '长'.repeat(1001) }), { openid: 'submit-h' });
    expect(long).toMatchObject({ fields: { text: '最多1000个字，请精简后再提交' } });
    const photos = Array.from({ length: 7 }, (_, i) => `cloud://env.bucket/opinion-photos/${i}.jpg`);
    expect(await t.call('opinion.submit', opinionFor({ stationId: 'st-nanhu' }, { photos }), { openid: 'submit-h' })).toMatchObject({ fields: { photos: expect.any(String) } });
    const foreign = await t.call('opinion.submit', opinionFor({ stationId: 'st-nanhu' }, { photos: ['cloud://env.bucket/qrcodes/station-LJ01.png'] }), { openid: 'submit-h' });
    expect(foreign).toMatchObject({ fields: { 'photos.0': '照片格式不正确，请重新上传' } });
    const climbing = await t.call('opinion.submit', opinionFor({ stationId: 'st-nanhu' }, { photos: ['cloud://env.bucket/opinion-photos/../qrcodes/x.png'] }), {
      openid: 'submit-h',
    });
    expect(climbing).toMatchObject({ code: 'COMMON.INVALID_INPUT' });
    const consentWithoutPhone = await t.call('opinion.submit', opinionFor({ stationId: 'st-nanhu' }, { contact: { name: '李', mayContact: true } }), { openid: 'submit-h' });
    expect(consentWithoutPhone).toMatchObject({ fields: { 'contact.phone': '同意联系时请留下手机号码' } });
    expect(await storedFor('submit-h')).toBe(0);
  });

  test('a photo that never reached storage', async () => {
    const answer = await t.call('opinion.submit', opinionFor({ stationId: 'st-nanhu' }, { photos: ['cloud://lianxinqiao-local.x/opinion-photos/never-uploaded.jpg'] }), {
      openid: 'submit-i',
    });
    expect(answer).toEqual({ ok: false, code: 'OPINION.PHOTO_MISSING', message: '有照片没有上传成功，请删除后重新添加' });
    expect(await storedFor('submit-i')).toBe(0);
  });

  test('a retired or unknown deputy or station', async () => {
    await database(t).collection(COLLECTIONS.deputies).doc('dp-014').update({ active: false });
    for (const target of [{ deputyId: 'dp-014' }, { deputyId: 'dp-999' }, { stationId: 'st-nowhere' }]) {
      expect(await t.call('opinion.submit', opinionFor(target), { openid: 'submit-j' })).toEqual({
        ok: false,
        code: 'OPINION.TARGET_UNAVAILABLE',
        message: '该代表或联络站暂不接收意见，请从联络站列表重新选择',
      });
    }
    await database(t).collection(COLLECTIONS.deputies).doc('dp-014').update({ active: true });
    expect(await storedFor('submit-j')).toBe(0);
  });

  test('text WeChat’s content security calls risky is refused; review is kept for the deputy to judge', async () => {
    const risky = await t.call('opinion.submit', opinionFor({ stationId: 'st-nanhu' }, { text: '有人在小区里组织网络赌博，请管一管。' }), { openid: 'submit-k' });
    expect(risky).toEqual({ ok: false, code: 'OPINION.CONTENT_REJECTED', message: '内容未通过微信安全检查，请删除不当用语后再提交' });
    expect(await storedFor('submit-k')).toBe(0);
    const review = await t.call('opinion.submit', opinionFor({ stationId: 'st-nanhu' }, { text: '楼道里到处贴着加微信领红包的小广告，请清理。' }), { openid: 'submit-k' });
    expect(review).toMatchObject({ ok: true });
    const { data } = await database(t).collection(COLLECTIONS.opinions).where({ authorOpenid: 'submit-k' }).get();
    expect(data[0]).toMatchObject({ moderation: { suggest: 'review', label: 10001 } });
  });
});

describe('the rate limit stops floods, not residents', () => {
  test('the sixth opinion within an hour is refused with a message saying the draft is kept', async () => {
    for (let i = 0; i < 5; i += 1) ok(await t.call('opinion.submit', opinionFor({ stationId: 'st-beishan' }), { openid: 'flood-hour' }));
    const sixth = await t.call('opinion.submit', opinionFor({ stationId: 'st-beishan' }), { openid: 'flood-hour' });
    expect(sixth).toEqual({
      ok: false,
      code: 'OPINION.RATE_LIMITED',
      message: '提交太频繁了（每小时最多5条、每天最多20条），请在 1 小时后再试，填写的内容已为您保留',
    });
    expect(await storedFor('flood-hour')).toBe(5);
    expect(ok(await t.call('opinion.submit', opinionFor({ stationId: 'st-beishan' }), { openid: 'someone-else' })).trackingNo).toBeTruthy();
  });

  test('twenty in the last day are the most, even spread out over the hours', async () => {
    const now = t.clock.now().getTime();
    const earlier = Array.from({ length: 20 }, (_, i) => ({
      _id: `flood-day-${i}`,
      trackingNo: `XX01-000101-${String(i + 1).padStart(3, '0')}`,
      authorOpenid: 'flood-day',
      createdAt: new Date(now - (2 + i) * 3_600_000),
    }));
    await database(t).collection(COLLECTIONS.opinions).add(earlier);
    const refused = await t.call('opinion.submit', opinionFor({ stationId: 'st-beishan' }), { openid: 'flood-day' });
    expect(refused).toMatchObject({ ok: false, code: 'OPINION.RATE_LIMITED' });
    await database(t)
      .collection(COLLECTIONS.opinions)
      .doc('flood-day-19')
      .update({ createdAt: new Date(now - 25 * 3_600_000) });
    expect(await t.call('opinion.submit', opinionFor({ stationId: 'st-beishan' }), { openid: 'flood-day' })).toMatchObject({ ok: true });
  });
});

describe('我的意见: a resident follows their own opinions', () => {
  test('newest first, a page at a time, each with its status and last public event', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      ids.push(ok(await t.call('opinion.submit', opinionFor({ stationId: 'st-nanhu' }, { category: 'education' }), { openid: 'lister' })).opinionId);
    }
    const page1 = await t.raw('opinion', { action: 'opinion.listMine', payload: { pageSize: 2 } }, { openid: 'lister' });
    expect(page1.databaseRequests).toBe(1);
    const first = ok(page1.body as never) as { items: Array<Record<string, unknown>>; nextCursor: string | null };
    expect(first.items.map((i) => i.opinionId)).toEqual([ids[2], ids[1]]);
    expect(first.items[0]).toMatchObject({
      category: 'education',
      categoryLabel: '教育',
      status: 'received',
      statusLabel: '已提交',
      target: { kind: 'station', id: 'st-nanhu', name: '南湖街道人大代表联络站' },
      lastEvent: { type: 'received', label: '意见已提交，等待代表查看' },
      excerpt: expect.stringContaining('公交站台'),
    });
    expect(first.nextCursor).toEqual(expect.any(String));
    const page2 = ok(await t.call('opinion.listMine', { cursor: first.nextCursor ?? '', pageSize: 2 }, { openid: 'lister' }));
    expect(page2.items.map((i) => i.opinionId)).toEqual([ids[0]]);
    expect(page2.nextCursor).toBeNull();
    // A new opinion submitted meanwhile does not shift the next page (an offset would show one twice).
    await t.call('opinion.submit', opinionFor({ stationId: 'st-nanhu' }, { category: 'education' }), { openid: 'lister' });
    const again = ok(await t.call('opinion.listMine', { cursor: first.nextCursor ?? '', pageSize: 2 }, { openid: 'lister' }));
    expect(again.items.map((i) => i.opinionId)).toEqual([ids[0]]);
  });

  test('someone with no opinions gets an empty list', async () => {
    expect(ok(await t.call('opinion.listMine', {}, { openid: 'nobody-yet' }))).toEqual({ items: [], nextCursor: null });
  });

  test('another resident’s opinion is not found, exactly like a missing one', async () => {
    const { opinionId } = ok(await t.call('opinion.submit', opinionFor({ stationId: 'st-nanhu' }), { openid: 'owner' }));
    const theirs = await t.raw('opinion', { action: 'opinion.getMine', payload: { opinionId } }, { openid: 'snoop' });
    const missing = await t.raw('opinion', { action: 'opinion.getMine', payload: { opinionId: 'f'.repeat(32) } }, { openid: 'snoop' });
    expect(theirs.body).toEqual({ ok: false, code: 'OPINION.NOT_FOUND', message: '没有找到这条意见，请返回列表刷新后再试' });
    expect(missing.body).toEqual(theirs.body);
    expect(theirs.databaseRequests).toBe(missing.databaseRequests);
    expect(ok(await t.call('opinion.getMine', { opinionId }, { openid: 'owner' })).opinionId).toBe(opinionId);
  });

  test('the demo resident’s replied opinion shows the reply in the timeline', async () => {
    const { items } = ok(await t.call('opinion.listMine', {}, { openid: 'demo-resident-001' }));
    const replied = items.find((i) => i.status === 'replied');
    expect(replied?.lastEvent).toMatchObject({ type: 'replied', label: '代表已回复', actorName: '陈建华' });
    const detail = ok(await t.call('opinion.getMine', { opinionId: replied?.opinionId ?? '' }, { openid: 'demo-resident-001' }));
    expect(detail.timeline.map((e) => e.type)).toEqual(['received', 'read', 'replied']);
    expect(detail.timeline[2]?.note).toContain('公示菜单');
  });
});
