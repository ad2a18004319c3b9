import { COLLECTIONS } from '../../infra/database';
import { addDays, shanghaiDate, shanghaiInstant } from '../../miniprogram/shared/domain/time';
import { ok, useTestRuntime } from '../support/runtime';
import { bindDeputy, database, opinionFor } from './helpers/cloud';
import { openLiuReview } from './helpers/duty';
import { JIANGNAN_STAFF } from '../support/people';

/**
 * 亮分 and 述职评议, as residents, the deputy and staff meet them: figures in plain words, a ranking
 * only where staff turned it on, stars for a station; a report drafted from the record, rated once
 * per resident whatever the retries, results published when the period ends.
 */
const LIU = 'dp-005';
const liu = 'review-liu';
const constituent = 'review-resident-nanhu';
const stranger = 'review-resident-elsewhere';
let today: string;

const t = useTestRuntime();
beforeAll(async () => {
  today = shanghaiDate(t.clock.now());
  await bindDeputy(t, liu, LIU);
  ok(await t.call('opinion.submit', opinionFor({ stationId: 'st-nanhu' }), { openid: constituent }));
}, 60_000);

describe('亮分', () => {
  test("anyone reads a deputy's figures in plain words; a ranking appears only where staff turn it on, within the station", async () => {
    const figures = ok(await t.call('duty.figures', { deputyId: LIU }));
    expect(figures).toMatchObject({ kind: 'deputy', name: '刘德明', year: 2026, ranking: null });
    expect(figures.sentences[0]).toMatch(/^2026年进站接待\d+天，接待群众\d+人次。$/);

    ok(await t.call('duty.saveSettings', { areaId: 'area-jiangnan', contestFrom: null, contestUntil: null, rankingShown: true }, { openid: JIANGNAN_STAFF }));
    const ranked = ok(await t.call('duty.figures', { deputyId: LIU }));
    expect(ranked.ranking).toMatchObject({ within: '南湖街道人大代表联络站', of: 3 });
    ok(await t.call('duty.saveSettings', { areaId: 'area-jiangnan', contestFrom: null, contestUntil: null, rankingShown: false }, { openid: JIANGNAN_STAFF }));
  });

  test('a station shows its figures and the stars the published rubric gives', async () => {
    const station = ok(await t.call('duty.figures', { stationId: 'st-nanhu' }));
    expect(station.kind).toBe('station');
    expect(station.stars?.rubric).toHaveLength(5);
    expect(station.stars?.stars).toBe(station.stars?.met.length);
    expect(await t.call('duty.figures', { deputyId: LIU, stationId: 'st-nanhu' })).toMatchObject({ ok: false, code: 'COMMON.INVALID_INPUT' });
  });
});

describe('述职评议', () => {
  let reviewId: string;

  test('staff open a period; the report is drafted from the record and the deputy edits it', async () => {
    reviewId = await openLiuReview(t, 'review-2026-jn-01', today);
    const draft = ok(await t.call('duty.getReport', { reviewId, deputyId: LIU }, { openid: liu }));
    expect(draft).toMatchObject({ mine: true, phase: 'open', myRating: null, tally: { total: 0 } });
    expect(draft.text).toContain('我是刘德明，现将2026年履职情况报告如下。');
    const edited = ok(await t.call('duty.saveReport', { reviewId, text: `${draft.text}\n今年我重点关注了老旧小区加装电梯和公交站台遮雨棚。` }, { openid: liu }));
    expect(edited.text).toContain('公交站台遮雨棚');
  });

  test('a resident who used the station rates once: ten concurrent retries count one; a different rating is refused; a stranger may not rate', async () => {
    const rate = () => t.call('duty.rateReport', { reviewId, deputyId: LIU, rating: 'satisfied', comment: '希望多进社区听听大家的意见' }, { openid: constituent });
    const answers = await Promise.all(Array.from({ length: 10 }, rate));
    for (const answer of answers) expect(answer).toMatchObject({ ok: true, data: { rating: 'satisfied' } });
    expect(await t.call('duty.rateReport', { reviewId, deputyId: LIU, rating: 'dissatisfied' }, { openid: constituent })).toMatchObject({
      ok: false,
      code: 'DUTY.ALREADY_RATED',
    });
    expect(await t.call('duty.rateReport', { reviewId, deputyId: LIU, rating: 'dissatisfied' }, { openid: stranger })).toMatchObject({ ok: false, code: 'DUTY.NOT_ELIGIBLE' });
    expect(await t.call('duty.rateReport', { reviewId, deputyId: LIU, rating: 'satisfied' }, { openid: liu })).toMatchObject({ ok: false, code: 'DUTY.NOT_ELIGIBLE' });
    const { total } = await database(t).collection(COLLECTIONS.dutyRatings).where({ reviewId }).count();
    expect(total).toBe(1);
  });

  test('only the resident sees how they rated; the deputy sees the comment without the rating and answers it', async () => {
    expect(ok(await t.call('duty.getReport', { reviewId, deputyId: LIU }, { openid: constituent }))).toMatchObject({ myRating: 'satisfied', tally: null, comments: [] });
    const other = ok(await t.call('duty.getReport', { reviewId, deputyId: LIU }, { openid: stranger }));
    expect(other).toMatchObject({ myRating: null, tally: null, comments: [] });
    const deputyView = ok(await t.call('duty.getReport', { reviewId, deputyId: LIU }, { openid: liu }));
    expect(deputyView.myRating).toBeNull();
    expect(deputyView.tally).toMatchObject({ satisfied: 1, total: 1 });
    expect(deputyView.comments).toEqual([{ commentId: expect.stringMatching(/^cm-/), text: '希望多进社区听听大家的意见', answer: null }]);
    expect(JSON.stringify(deputyView.comments)).not.toContain(constituent);
    const answered = ok(await t.call('duty.answerComment', { reviewId, commentId: deputyView.comments[0]!.commentId, answer: '谢谢，我每月都会进社区。' }, { openid: liu }));
    expect(answered.comments[0]?.answer).toBe('谢谢，我每月都会进社区。');
  });

  test('when the period ends, everyone reads the results and the answered comments; no more ratings or edits', async () => {
    const now = t.clock.now();
    t.clock.set(shanghaiInstant(addDays(today, 11), '09:00'));
    try {
      const published = ok(await t.call('duty.getReport', { reviewId, deputyId: LIU }));
      expect(published).toMatchObject({ phase: 'ended', tally: { satisfied: 1, total: 1, satisfiedPercent: 100 }, comments: [{ answer: '谢谢，我每月都会进社区。' }] });
      expect(await t.call('duty.rateReport', { reviewId, deputyId: LIU, rating: 'satisfied' }, { openid: 'review-late' })).toMatchObject({
        ok: false,
        code: 'DUTY.REVIEW_NOT_OPEN',
      });
      expect(await t.call('duty.saveReport', { reviewId, text: '各位选民：这是结束后再改的报告内容，不应被接受。' }, { openid: liu })).toMatchObject({
        ok: false,
        code: 'DUTY.REVIEW_ENDED',
      });
      expect(ok(await t.call('duty.figures', { deputyId: LIU })).reviews).toEqual([{ reviewId, title: '2026年度代表向选民述职评议', phase: 'ended' }]);
    } finally {
      t.clock.set(now);
    }
  });
});
