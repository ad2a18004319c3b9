import { DEMO_FINISHED_ROUND, DEMO_RUNNING_ROUND } from '../../runtime/seed/demoProjects';
import { HARD_INSTANTS, ORDINARY_MORNING } from '../support/instants';
import { ok, startTestRuntime } from '../support/runtime';

/** The demo holds a finished 票决 round and a running one, wherever the demo's clock starts. */
describe.each([['an ordinary morning', ORDINARY_MORNING], ...Object.entries(HARD_INSTANTS)])('the demo rounds at %s', (_name, at) => {
  test('a finished round with its result and rating published, and one open for comments', async () => {
    const t = await startTestRuntime({ at: at as Date });
    try {
      const finished = ok(await t.call('project.getRound', { roundId: DEMO_FINISHED_ROUND }));
      expect(finished).toMatchObject({ stage: 'closed', result: { ballots: 2, eligible: 2, chosenCount: 2 } });
      expect(finished.candidates.filter((c) => c.chosen).map((c) => [c.deliveryState, c.satisfactionPermille])).toEqual([
        ['completed', 1000],
        ['completed', 1000],
      ]);
      const running = ok(await t.call('project.getRound', { roundId: DEMO_RUNNING_ROUND }));
      expect(running).toMatchObject({ stage: 'commenting', result: null });
      expect(running.candidates.map((c) => c.votes)).toEqual([null, null, null]);
    } finally {
      await t.stop();
    }
  }, 60_000);
});
