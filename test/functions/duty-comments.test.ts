import { COLLECTIONS } from '../../infra/database';
import { addDays, shanghaiDate, shanghaiInstant } from '../../miniprogram/shared/domain/time';
import { ok, useTestRuntime } from '../support/runtime';
import { bindDeputy, database, opinionFor } from './helpers/cloud';
import { openLiuReview, staffOf } from './helpers/duty';
import { CITY_STAFF, JIANGNAN_STAFF } from '../support/people';

/**
 * 述职评议 comments as residents, the deputy and staff meet them: screened by content security
 * before anyone reads them (risky refused, doubtful held for staff), published or rejected by staff
 * over the period's area; and a resident who deletes their account takes their rating and comment
 * with them, while a period already ended keeps its published result.
 */
const LIU = 'dp-005';
const liu = 'comments-liu';
const residents = ['comments-r1', 'comments-r2', 'comments-r3', 'comments-r4'];
let today: string;
let nanhuStaff: string;

const openPeriod = (clientRequestId: string): Promise<string> => openLiuReview(t, clientRequestId, today);
const report = (reviewId: string, openid?: string) => t.call('duty.getReport', { reviewId, deputyId: LIU }, openid ? { openid } : {}).then(ok);
const rate = (reviewId: string, openid: string, comment?: string) =>
  t.call('duty.rateReport', { reviewId, deputyId: LIU, rating: 'satisfied', ...(comment ? { comment } : {}) }, { openid });

const t = useTestRuntime();
beforeAll(async () => {
  today = shanghaiDate(t.clock.now());
  await bindDeputy(t, liu, LIU);
  nanhuStaff = await staffOf(t, 'comments-staff-nanhu', { role: 'station', stationId: 'st-nanhu' });
  for (const openid of residents) ok(await t.call('opinion.submit', opinionFor({ stationId: 'st-nanhu' }), { openid }));
}, 60_000);

test('a risky comment is refused with nothing stored; a doubtful one waits for staff, unseen by the deputy, until published', async () => {
  const reviewId = await openPeriod('comments-review-01');
  expect(await rate(reviewId, residents[0]!, '网络赌博稳赚不赔')).toMatchObject({ ok: false, code: 'DUTY.CONTENT_REJECTED' });
  expect((await database(t).collection(COLLECTIONS.dutyRatings).where({ reviewId }).count()).total).toBe(0);

  ok(await rate(reviewId, residents[0]!, '加微信领红包，代表好'));
  ok(await rate(reviewId, residents[1]!, '希望多来社区走走'));
  const deputyView = await report(reviewId, liu);
  expect(deputyView.tally).toMatchObject({ total: 2 });
  expect(deputyView.comments.map((c) => c.text)).toEqual(['希望多来社区走走']);

  expect(await t.call('duty.listHeldComments', { reviewId }, { openid: nanhuStaff })).toMatchObject({ ok: false, code: 'DUTY.REVIEW_NOT_FOUND' });
  const { comments } = ok(await t.call('duty.listHeldComments', { reviewId }, { openid: JIANGNAN_STAFF }));
  expect(comments).toEqual([{ commentId: expect.stringMatching(/^cm-/), deputyId: LIU, deputyName: '刘德明', text: '加微信领红包，代表好' }]);
  expect(JSON.stringify(comments)).not.toContain(residents[0]);

  const held = comments[0]!.commentId;
  expect(ok(await t.call('duty.moderateComment', { reviewId, commentId: held, publish: true }, { openid: JIANGNAN_STAFF }))).toEqual({ commentId: held, state: 'published' });
  expect(ok(await t.call('duty.moderateComment', { reviewId, commentId: held, publish: true }, { openid: CITY_STAFF }))).toEqual({ commentId: held, state: 'published' });
  expect(await t.call('duty.moderateComment', { reviewId, commentId: held, publish: false }, { openid: CITY_STAFF })).toMatchObject({ ok: false, code: 'DUTY.ALREADY_DECIDED' });
  expect((await report(reviewId, liu)).comments.map((c) => c.text).sort()).toEqual(['加微信领红包，代表好', '希望多来社区走走'].sort());
  expect(ok(await t.call('duty.listHeldComments', { reviewId }, { openid: JIANGNAN_STAFF })).comments).toEqual([]);
});

test('a rejected comment is never shown, not even once the period ended; its rating still counts', async () => {
  const reviewId = await openPeriod('comments-review-02');
  ok(await rate(reviewId, residents[2]!, '加微信领红包'));
  const [held] = ok(await t.call('duty.listHeldComments', { reviewId }, { openid: JIANGNAN_STAFF })).comments;
  ok(await t.call('duty.moderateComment', { reviewId, commentId: held!.commentId, publish: false }, { openid: JIANGNAN_STAFF }));
  expect(await t.call('duty.answerComment', { reviewId, commentId: held!.commentId, answer: '谢谢' }, { openid: liu })).toMatchObject({ ok: false, code: 'DUTY.NOT_FOUND' });
  const now = t.clock.now();
  t.clock.set(shanghaiInstant(addDays(today, 11), '09:00'));
  try {
    expect(await report(reviewId)).toMatchObject({ phase: 'ended', tally: { total: 1 }, comments: [] });
  } finally {
    t.clock.set(now);
  }
});

test('deleting the account removes the rating of an open period, and of an ended one keeps only an anonymous vote: its comment and answer go', async () => {
  const open = await openPeriod('comments-review-03');
  const ended = await openPeriod('comments-review-04');
  const leaver = residents[3]!;
  ok(await rate(open, leaver, '我的留言会随账号删除'));
  ok(await rate(ended, leaver, '结束后也要删除的留言'));
  ok(await rate(ended, residents[2]!));
  const [comment] = (await report(ended, liu)).comments;
  ok(await t.call('duty.answerComment', { reviewId: ended, commentId: comment!.commentId, answer: '谢谢您的意见。' }, { openid: liu }));

  const now = t.clock.now();
  t.clock.set(shanghaiInstant(addDays(today, 11), '09:00'));
  try {
    // The open one is made to run on: only the second period ends before the resident leaves.
    await database(t)
      .collection(COLLECTIONS.dutyReviews)
      .doc(open)
      .update({ closesOn: addDays(today, 30) });
    expect((await report(ended)).tally).toMatchObject({ total: 2 });
    const result = ok(await t.call('privacy.deleteAccount', { confirm: true }, { openid: leaver }));
    expect(result.reviewRatings).toBe(2);

    const after = await report(ended);
    expect(after.tally).toMatchObject({ total: 2, satisfied: 2 });
    expect(after.comments).toEqual([]);
    expect(JSON.stringify(await database(t).collection(COLLECTIONS.dutyReports).doc(`${ended}|${LIU}`).get())).not.toContain('谢谢您的意见。');
    expect((await report(open, liu)).tally).toMatchObject({ total: 0 });
    expect((await database(t).collection(COLLECTIONS.dutyRatings).where({ openid: leaver }).count()).total).toBe(0);
    // The same WeChat user is a new resident: nothing of theirs remains to see.
    expect((await report(ended, leaver)).myRating).toBeNull();
  } finally {
    t.clock.set(now);
  }
});
