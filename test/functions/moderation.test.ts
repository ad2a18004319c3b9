import { ok, useTestRuntime } from '../support/runtime';
import { bindDeputy, placeStaff, opinionFor, outbox, uploadPhoto } from './helpers/cloud';
import { BEISHAN_STAFF, CITY_STAFF, JIANGNAN_STAFF } from '../support/people';

/** 王志强 (dp-003) receives at 临江 and 北山. */
const WANG = 'wx-wang-moderation';
/** Text the local content security answers `review` for (advertising). */
const REVIEW_TEXT = '楼下有人发传单，说加微信领红包，老人容易上当。';

const t = useTestRuntime();
beforeAll(async () => {
  await bindDeputy(t, WANG, 'dp-003');
  await placeStaff(t, 'handler-moderation', { role: 'handler', areaId: 'area-linjiang', departmentId: 'dept-x', departmentName: '某局' });
});

async function submit(openid: string, overrides = {}, target: { deputyId: string } | { stationId: string } = { deputyId: 'dp-003' }): Promise<string> {
  return ok(await t.call('opinion.submit', opinionFor(target, overrides), { openid })).opinionId;
}

/** The trace ids WeChat answered for this resident's image checks, in the order they were sent. */
async function traceIdsOf(openid: string): Promise<string[]> {
  const entries = (await outbox(t)) as Array<{ apiName: string; request: Record<string, unknown>; reply?: { trace_id?: string } }>;
  return entries.filter((e) => e.apiName === 'security.mediaCheckAsync' && e.request.openid === openid).map((e) => e.reply?.trace_id ?? '');
}

async function pushVerdict(traceId: string, suggest: 'pass' | 'review' | 'risky', errcode?: number): Promise<number> {
  const res = await fetch(`${t.runtime.url}/openapi/media-check-verdict`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ traceId, suggest, ...(errcode === undefined ? {} : { errcode }) }),
  });
  return res.status;
}

async function inboxIds(openid: string): Promise<string[]> {
  return ok(await t.call('opinion.inbox', { status: 'pending', pageSize: 50 }, { openid })).items.map((i) => i.opinionId);
}

async function queueIds(openid: string): Promise<string[]> {
  return ok(await t.call('moderation.listFlagged', { pageSize: 50 }, { openid })).items.map((i) => i.opinionId);
}

describe('text WeChat asks a human to look at', () => {
  test('is stored but reaches no deputy until staff in its area approve it', async () => {
    const opinionId = await submit('mod-resident-1', { text: REVIEW_TEXT });
    // The author follows it as usual.
    expect(ok(await t.call('opinion.getMine', { opinionId }, { openid: 'mod-resident-1' })).text).toBe(REVIEW_TEXT);
    // The deputy it was left for sees nothing, not even that it exists.
    expect(await inboxIds(WANG)).not.toContain(opinionId);
    expect(await t.call('opinion.getForDeputy', { opinionId }, { openid: WANG })).toMatchObject({ ok: false, code: 'OPINION.NOT_FOUND' });
    expect(await t.call('opinion.reply', { opinionId, text: '收到，我们会尽快处理。' }, { openid: WANG })).toMatchObject({ ok: false, code: 'OPINION.NOT_FOUND' });

    // It waits in the queue of staff whose area covers 临江 (the city), not in 江南's.
    const queue = ok(await t.call('moderation.listFlagged', {}, { openid: CITY_STAFF })).items;
    expect(queue.find((i) => i.opinionId === opinionId)).toMatchObject({ textFlagged: true, state: 'held', stateLabel: '待审核', text: REVIEW_TEXT, textLabel: 10001 });
    expect(await queueIds(JIANGNAN_STAFF)).not.toContain(opinionId);
    expect(await t.call('moderation.approve', { opinionId }, { openid: JIANGNAN_STAFF })).toMatchObject({ ok: false, code: 'MODERATION.NOT_FOUND' });

    expect(ok(await t.call('moderation.approve', { opinionId }, { openid: CITY_STAFF }))).toMatchObject({ state: 'published', stateLabel: '已公开' });
    expect(await inboxIds(WANG)).toContain(opinionId);
    expect(await queueIds(CITY_STAFF)).not.toContain(opinionId);
    // Decided once: a colleague's second decision finds nothing to decide.
    expect(await t.call('moderation.reject', { opinionId, note: '广告内容' }, { openid: CITY_STAFF })).toMatchObject({ ok: false, code: 'MODERATION.NOT_FOUND' });
  });

  test('rejected, it is never published', async () => {
    const opinionId = await submit('mod-resident-2', { text: REVIEW_TEXT });
    expect(ok(await t.call('moderation.reject', { opinionId, note: '广告内容' }, { openid: CITY_STAFF }))).toMatchObject({ state: 'rejected', stateLabel: '未通过审核' });
    expect(await inboxIds(WANG)).not.toContain(opinionId);
    expect(await t.call('opinion.getForDeputy', { opinionId }, { openid: WANG })).toMatchObject({ ok: false, code: 'OPINION.NOT_FOUND' });
    expect(await queueIds(CITY_STAFF)).not.toContain(opinionId);
  });
});

describe('photos are checked asynchronously', () => {
  test('each photo goes to security.mediaCheckAsync; deputies see one only after WeChat passes it', async () => {
    const photos = [await uploadPhoto(t), await uploadPhoto(t)];
    const opinionId = await submit('mod-resident-3', { photos }, { stationId: 'st-beishan' });
    const traces = await traceIdsOf('mod-resident-3');
    expect(traces).toHaveLength(2);
    expect(ok(await t.call('opinion.getForDeputy', { opinionId }, { openid: WANG })).photos).toEqual([]);
    // The author sees their own photos all along.
    expect(ok(await t.call('opinion.getMine', { opinionId }, { openid: 'mod-resident-3' })).photos).toHaveLength(2);

    expect(await pushVerdict(traces[0]!, 'pass')).toBe(200);
    expect(ok(await t.call('opinion.getForDeputy', { opinionId }, { openid: WANG })).photos.map((p) => p.fileID)).toEqual([photos[0]]);
    expect(ok(await t.call('casework.get', { opinionId }, { openid: BEISHAN_STAFF })).photos.map((p) => p.fileID)).toEqual([photos[0]]);

    // WeChat flags the second: it stays hidden and waits for the station's staff.
    expect(await pushVerdict(traces[1]!, 'risky')).toBe(200);
    const item = ok(await t.call('moderation.listFlagged', {}, { openid: BEISHAN_STAFF })).items.find((i) => i.opinionId === opinionId);
    expect(item).toMatchObject({ textFlagged: false, state: 'published', pendingPhotos: 0 });
    expect(item?.photos).toEqual([expect.objectContaining({ fileID: photos[1], verdict: 'risky', url: expect.stringMatching(/^http/) })]);
    const view = ok(await t.call('opinion.getForDeputy', { opinionId }, { openid: WANG }));
    expect(view.photos.map((p) => p.fileID)).toEqual([photos[0]]);
    expect(view.flaggedForReview).toBe(true);

    expect(ok(await t.call('moderation.reject', { opinionId, note: '照片不适宜公开' }, { openid: BEISHAN_STAFF }))).toMatchObject({ state: 'published', visiblePhotos: 1 });
    expect(ok(await t.call('opinion.getForDeputy', { opinionId }, { openid: WANG })).photos.map((p) => p.fileID)).toEqual([photos[0]]);
    expect(await queueIds(BEISHAN_STAFF)).not.toContain(opinionId);
  });

  test('a photo WeChat was unsure of, approved by staff, is shown', async () => {
    const photos = [await uploadPhoto(t)];
    const opinionId = await submit('mod-resident-4', { photos }, { stationId: 'st-beishan' });
    const [trace] = await traceIdsOf('mod-resident-4');
    await pushVerdict(trace!, 'review');
    expect(ok(await t.call('moderation.approve', { opinionId }, { openid: BEISHAN_STAFF }))).toMatchObject({ visiblePhotos: 1 });
    expect(ok(await t.call('opinion.getForDeputy', { opinionId }, { openid: WANG })).photos.map((p) => p.fileID)).toEqual(photos);
  });

  test('only WeChat’s push delivers a verdict: a resident sending one for their own photo, trace id and all, is refused', async () => {
    const photos = [await uploadPhoto(t)];
    const opinionId = await submit('mod-resident-7', { photos }, { stationId: 'st-beishan' });
    const [trace] = await traceIdsOf('mod-resident-7');
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const verdict = {
      ToUserName: 'gh_local',
      FromUserName: 'mod-resident-7',
      MsgType: 'event',
      Event: 'wxa_media_check',
      trace_id: trace,
      version: 2,
      errcode: 0,
      result: { suggest: 'pass', label: 100 },
    };
    // From the mini-program (callFunction carries the caller's OPENID and SOURCE wx_client), and without an identity.
    expect((await t.raw('moderation', verdict, { openid: 'mod-resident-7' })).body).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect((await t.raw('moderation', verdict)).body).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    warn.mockRestore();
    expect(ok(await t.call('opinion.getForDeputy', { opinionId }, { openid: WANG })).photos).toEqual([]);
    // The same verdict pushed by WeChat is taken.
    await pushVerdict(trace!, 'pass');
    expect(ok(await t.call('opinion.getForDeputy', { opinionId }, { openid: WANG })).photos.map((p) => p.fileID)).toEqual(photos);
  });

  test('a forged verdict with a made-up trace id changes nothing; the runtime refuses to push one it never issued', async () => {
    const photos = [await uploadPhoto(t)];
    const opinionId = await submit('mod-resident-5', { photos }, { stationId: 'st-beishan' });
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const forged = await t.raw(
      'moderation',
      { Event: 'wxa_media_check', MsgType: 'event', trace_id: 'local-guessed', errcode: 0, result: { suggest: 'pass', label: 100 } },
      { openid: 'mod-resident-5' },
    );
    expect(forged.body).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    warn.mockRestore();
    expect(ok(await t.call('opinion.getForDeputy', { opinionId }, { openid: WANG })).photos).toEqual([]);
    expect(await pushVerdict('local-never-issued', 'pass')).toBe(404);
  });

  test('a failed check (errcode ≠ 0) is treated as needing a human look, never as a pass', async () => {
    const photos = [await uploadPhoto(t)];
    const opinionId = await submit('mod-resident-6', { photos }, { stationId: 'st-beishan' });
    const [trace] = await traceIdsOf('mod-resident-6');
    await pushVerdict(trace!, 'pass', 87014);
    expect(ok(await t.call('opinion.getForDeputy', { opinionId }, { openid: WANG })).photos).toEqual([]);
    expect(await queueIds(BEISHAN_STAFF)).toContain(opinionId);
  });
});

describe('who may review', () => {
  test('residents, deputies and department handlers are refused; no identity is refused', async () => {
    for (const openid of ['mod-resident-1', WANG, 'handler-moderation']) {
      expect(await t.call('moderation.listFlagged', {}, { openid })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
      expect(await t.call('moderation.approve', { opinionId: 'op-demo-001' }, { openid })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    }
    expect(await t.call('moderation.listFlagged', {})).toMatchObject({ ok: false, code: 'AUTH.REQUIRED' });
  });

  test('an opinion with nothing flagged cannot be decided; a rejection needs a reason', async () => {
    expect(await t.call('moderation.approve', { opinionId: 'op-demo-001' }, { openid: CITY_STAFF })).toMatchObject({ ok: false, code: 'MODERATION.NOT_FOUND' });
    expect(await t.call('moderation.reject', { opinionId: 'op-demo-001' } as never, { openid: CITY_STAFF })).toMatchObject({ ok: false, code: 'COMMON.INVALID_INPUT' });
  });
});
