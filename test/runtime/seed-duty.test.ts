import { DEMO_DUTY_ACCOUNT, DEMO_DUTY_DEPUTY, DEMO_DUTY_REVIEW } from '../../runtime/seed/demoDuty';
import { shanghaiDate } from '../../miniprogram/shared/domain/time';
import { HARD_INSTANTS, ORDINARY_MORNING } from '../support/instants';
import { ok, startTestRuntime } from '../support/runtime';

const CITY = 'demo-staff-city';

/** The demo holds 周小燕's full year of record, scored under 江北区's rules, and last year's finished 述职评议, wherever the demo's clock starts. */
describe.each([['an ordinary morning', ORDINARY_MORNING], ...Object.entries(HARD_INSTANTS)])('the demo duty record at %s', (_name, at) => {
  test('a year of reception days (one on leave), residents received, answers, confirmed activities and one awaiting; a finished report with moderated comments', async () => {
    const t = await startTestRuntime({ at: at as Date });
    try {
      const lastYear = Number(shanghaiDate(at as Date).slice(0, 4)) - 1;
      const record = ok(await t.call('duty.getRecord', { year: lastYear, deputyId: DEMO_DUTY_DEPUTY }, { openid: CITY }));
      const kinds = (kind: string) => record.entries.filter((entry) => entry.kind === kind);
      expect(kinds('dutyDay')).toHaveLength(11);
      expect(kinds('leaveDay')).toHaveLength(1);
      expect(kinds('missedDay')).toHaveLength(0);
      expect(kinds('residentsReceived').length).toBeGreaterThanOrEqual(10);
      expect(kinds('activity').length).toBe(7);
      expect(record.figures.opinionsAnswered).toBeGreaterThan(0);
      expect(record.figures.medianReplyDays).not.toBeNull();
      expect(record.score.total).toBe(record.score.lines.reduce((sum, line) => sum + line.points, 0));
      expect(kinds('dutyDay')[0]).toMatchObject({ reason: `按${lastYear}-01-01起施行的规则计3分` });
      expect(kinds('activity').find((entry) => entry.activityType === 'votersMeeting')).toMatchObject({ points: 5 });

      // 周小燕 herself, on the demo's WeChat account, reads the same record.
      const own = ok(await t.call('duty.getRecord', { year: lastYear }, { openid: DEMO_DUTY_ACCOUNT }));
      expect(own).toMatchObject({ deputyId: DEMO_DUTY_DEPUTY, deputyName: '周小燕', score: { total: record.score.total } });

      const thisYear = ok(await t.call('duty.getRecord', { year: lastYear + 1, deputyId: DEMO_DUTY_DEPUTY }, { openid: CITY }));
      expect(thisYear.activities.filter((a) => a.status === 'pending').length + record.activities.filter((a) => a.status === 'pending').length).toBe(1);

      const report = ok(await t.call('duty.getReport', { reviewId: DEMO_DUTY_REVIEW, deputyId: DEMO_DUTY_DEPUTY }, { openid: 'demo-duty-reader' }));
      expect(report).toMatchObject({ phase: 'ended', myRating: null, tally: { total: 7, satisfied: 5, basicallySatisfied: 1, dissatisfied: 1 } });
      expect(report.text).toContain(`${lastYear}年进站接待11天`);
      expect(report.comments).toHaveLength(3);
      expect(report.comments.map((c) => c.text).join('')).not.toContain('13912345678');
      expect(report.comments.filter((c) => c.answer)).toHaveLength(2);

      const figures = ok(await t.call('duty.figures', { deputyId: DEMO_DUTY_DEPUTY }));
      expect(figures.reviews).toEqual([{ reviewId: DEMO_DUTY_REVIEW, title: `${lastYear}年度代表述职评议`, phase: 'ended' }]);
    } finally {
      await t.stop();
    }
  }, 60_000);
});
