import { ok, useTestRuntime, refusedWith } from '../support/runtime';
import { opinionFor } from './helpers/cloud';
import { CITY_STAFF, JIANGNAN_STAFF } from '../support/people';

/**
 * Held content, seen from both sides: the author is told their opinion waits for content review
 * (or was rejected), and staff cannot handle it as a case until it is published.
 * Seeded: 江南区 staff (demo-staff-jiangnan) cover 南湖 (st-nanhu); the city administrator reviews.
 */
/** Text the local content security (runtime/openapi/sensitive-words.json) answers `review` for. */
const REVIEW_TEXT = '小区门口有人发传单，说加微信领红包，老人容易上当。';
const REJECT_REASON = '疑似广告引流，20001';

const t = useTestRuntime();

async function submit(openid: string, text = REVIEW_TEXT): Promise<string> {
  return ok(await t.call('opinion.submit', opinionFor({ stationId: 'st-nanhu' }, { text }), { openid })).opinionId;
}

async function listed(openid: string, view: 'toAccept' | 'all' = 'all'): Promise<string[]> {
  return ok(await t.call('casework.list', { view, pageSize: 50 }, { openid })).items.map((i) => i.opinionId);
}

/** What 意见办理's 待受理 tab says it holds (read from the queue counters). */
async function toAcceptCount(openid: string): Promise<number> {
  return (ok(await t.call('casework.list', { view: 'toAccept', pageSize: 1 }, { openid })).counts as { toAccept: number }).toAccept;
}

async function mine(openid: string, opinionId: string) {
  const row = ok(await t.call('opinion.listMine', {}, { openid })).items.find((i) => i.opinionId === opinionId);
  const detail = ok(await t.call('opinion.getMine', { opinionId }, { openid }));
  return { row, detail };
}

const HELD = { state: 'held', label: '待审核', note: '内容正在审核，通过后代表即可看到' };

describe('text held for content review', () => {
  const resident = 'held-resident-1';
  let opinionId: string;
  let waitingBefore: number;

  beforeAll(async () => {
    waitingBefore = await toAcceptCount(JIANGNAN_STAFF);
    opinionId = await submit(resident);
  });

  test('the author is told it waits for review, in the list and in the detail', async () => {
    const { row, detail } = await mine(resident, opinionId);
    expect(row?.contentReview).toEqual(HELD);
    expect(detail.contentReview).toEqual(HELD);
    // The case status is unchanged underneath.
    expect(detail).toMatchObject({ status: 'received', statusLabel: '已提交' });
  });

  test('staff neither see it in their case lists nor may accept or assign it', async () => {
    expect(await listed(JIANGNAN_STAFF, 'toAccept')).not.toContain(opinionId);
    expect(await toAcceptCount(JIANGNAN_STAFF)).toBe(waitingBefore);
    expect(await listed(JIANGNAN_STAFF)).not.toContain(opinionId);
    expect(await t.call('casework.accept', { opinionId }, { openid: JIANGNAN_STAFF })).toEqual(
      expect.objectContaining({ ok: false, code: 'CASE.CONTENT_UNDER_REVIEW', message: '该意见正在内容审核，审核通过后再办理' }),
    );
    expect(await t.call('casework.assign', { opinionId, departmentIds: ['dept-jn-zhujian'], note: '请办理' }, { openid: JIANGNAN_STAFF })).toEqual(
      refusedWith('CASE.CONTENT_UNDER_REVIEW'),
    );
    // Opened directly (a link), it offers nothing to do.
    expect(ok(await t.call('casework.get', { opinionId }, { openid: JIANGNAN_STAFF })).actions).toEqual([]);
    // Scope still comes first: the refusal reveals nothing to staff who could not see the case.
    expect(await t.call('casework.accept', { opinionId }, { openid: 'demo-staff-beishan' })).toEqual(refusedWith('CASE.NOT_FOUND'));
  });

  test('once staff approve the content it is an ordinary case, and the author no longer sees 待审核', async () => {
    ok(await t.call('moderation.approve', { opinionId }, { openid: CITY_STAFF }));
    const { row, detail } = await mine(resident, opinionId);
    expect(row).not.toHaveProperty('contentReview');
    expect(detail).not.toHaveProperty('contentReview');
    expect(await listed(JIANGNAN_STAFF, 'toAccept')).toContain(opinionId);
    // Published, it counts in 待受理 like any case; accepted, it leaves it.
    expect(await toAcceptCount(JIANGNAN_STAFF)).toBe(waitingBefore + 1);
    expect(ok(await t.call('casework.get', { opinionId }, { openid: JIANGNAN_STAFF })).actions).toContain('accept');
    expect(ok(await t.call('casework.accept', { opinionId }, { openid: JIANGNAN_STAFF }))).toMatchObject({ status: 'accepted' });
    expect(await toAcceptCount(JIANGNAN_STAFF)).toBe(waitingBefore);
  });
});

describe('content staff rejected', () => {
  const resident = 'held-resident-2';
  let opinionId: string;

  beforeAll(async () => {
    opinionId = await submit(resident);
    ok(await t.call('moderation.reject', { opinionId, note: REJECT_REASON }, { openid: CITY_STAFF }));
  });

  test('the author sees 未通过审核 with a plain explanation, not the reviewer’s reason', async () => {
    const { row, detail } = await mine(resident, opinionId);
    const rejected = { state: 'rejected', label: '未通过审核', note: '内容未通过审核，不会转给代表办理；如有需要，请修改后重新提交' };
    expect(row?.contentReview).toEqual(rejected);
    expect(detail.contentReview).toEqual(rejected);
    expect(JSON.stringify(detail)).not.toContain(REJECT_REASON);
  });

  test('it is never a case: not listed, and every transition is refused', async () => {
    expect(await listed(JIANGNAN_STAFF)).not.toContain(opinionId);
    expect(await t.call('casework.accept', { opinionId }, { openid: JIANGNAN_STAFF })).toEqual(
      expect.objectContaining({ ok: false, code: 'CASE.CONTENT_REJECTED', message: '该意见未通过内容审核，不能办理' }),
    );
    expect(await t.call('casework.assign', { opinionId, departmentIds: ['dept-jn-zhujian'], note: '请办理' }, { openid: JIANGNAN_STAFF })).toEqual(
      refusedWith('CASE.CONTENT_REJECTED'),
    );
    expect(await t.call('casework.urge', { opinionId, note: '请尽快办理' }, { openid: JIANGNAN_STAFF })).toEqual(refusedWith('CASE.CONTENT_REJECTED'));
  });
});

test('text that passed is listed and shows no content review to its author', async () => {
  const opinionId = await submit('held-resident-3', '小区门口的公交站台没有遮雨棚，下雨天老人候车很不方便。');
  const { row, detail } = await mine('held-resident-3', opinionId);
  expect(row).not.toHaveProperty('contentReview');
  expect(detail).not.toHaveProperty('contentReview');
  expect(await listed(JIANGNAN_STAFF, 'toAccept')).toContain(opinionId);
});
