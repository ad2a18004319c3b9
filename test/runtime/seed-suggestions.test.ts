import { demoSuggestions, DEMO_CITY_SESSION } from '../../runtime/seed/demoSuggestions';
import { SUGGESTION_STATUSES } from '../../miniprogram/shared/domain/suggestion';
import { SUGGESTION_FIGURES } from '../../miniprogram/shared/domain/suggestionStats';
import { HARD_INSTANTS, ORDINARY_MORNING } from '../support/instants';
import { ok, startTestRuntime } from '../support/runtime';

/**
 * The demo holds a session's worth of 代表建议 in every state, built by the state machine's own
 * planners at any instant the demo starts at, and the functions read it as staff, units, deputies
 * and residents would.
 */
describe('the demo suggestions', () => {
  test.each([['an ordinary morning', ORDINARY_MORNING], ...Object.entries(HARD_INSTANTS)])('build at %s', (_name, at) => {
    const { suggestions } = demoSuggestions(at as Date);
    expect(new Set(suggestions.map((s) => s.status))).toEqual(new Set(SUGGESTION_STATUSES));
  });

  test('every branch the cycle has is there', () => {
    const { suggestions, opinions } = demoSuggestions(ORDINARY_MORNING);
    const some = (what: string, test: (s: (typeof suggestions)[number]) => boolean) => expect([what, suggestions.some(test)]).toEqual([what, true]);
    some('a pending invitation', (s) => s.coSigners.some((c) => c.state === 'invited'));
    some('co-signed', (s) => s.status !== 'draft' && s.coSigners.some((c) => c.state === 'accepted'));
    some('a 批评意见', (s) => s.kind === 'criticism');
    some('主办 and 协办', (s) => s.mode === 'lead' && s.units.some((u) => u.role === 'assist'));
    some('会办', (s) => s.mode === 'joint');
    some('a 协办 view sent', (s) => s.units.some((u) => u.view));
    some('an extension waiting', (s) => s.extension?.state === 'pending');
    some('an extension approved', (s) => s.extensionMonths > 0);
    some('bouncing between units', (s) => s.bounced);
    some('overdue on the supervision list', (s) => s.status === 'assigned' && !!s.deadline && s.deadline.dueAt < ORDINARY_MORNING);
    some('answered late', (s) => s.answeredOnTime === false);
    some('重点督办', (s) => !!s.key);
    for (const answerClass of ['A', 'B', 'C']) some(`an answer ${answerClass}`, (s) => s.answers.some((a) => a.answerClass === answerClass));
    some('不满意 → 重新办理', (s) => s.status === 'rehandling');
    some('重新办理 then closed', (s) => s.status === 'closed' && s.rehandleCount > 0);
    some('on the follow-up list', (s) => s.followUp);
    some('followed up', (s) => s.answers.some((a) => a.kind === 'followUp'));
    expect(opinions.every((o) => o.timeline.some((e) => e.type === 'suggestionSubmitted'))).toBe(true);
  });

  test('the functions read it: staff figures, a deputy’s invitations, a unit’s 待办, a resident’s timeline', async () => {
    const t = await startTestRuntime();
    try {
      const stats = ok(await t.call('suggestion.stats', { sessionId: DEMO_CITY_SESSION }, { openid: 'demo-staff-city' }));
      expect(stats.counts.received).toBe(14);
      for (const figure of SUGGESTION_FIGURES.filter((f) => f !== 'classC')) expect([figure, stats.counts[figure] > 0]).toEqual([figure, true]);
      expect(ok(await t.call('suggestion.listMine', { view: 'invitations' }, { openid: 'demo-deputy-zhao' })).items.map((i) => i.suggestionId)).toEqual(['sg-demo-15']);
      expect(ok(await t.call('suggestion.listAssigned', { view: 'todo' }, { openid: 'demo-handler-city-zhujian' })).items.length).toBeGreaterThan(0);
      const { items } = ok(await t.call('suggestion.list', { view: 'toReview' }, { openid: 'demo-staff-jiangnan' }));
      expect(items.map((i) => i.suggestionId)).toEqual(['sg-demo-17']);
      const mine = ok(await t.call('opinion.getMine', { opinionId: 'op-sg-001' }, { openid: 'demo-resident-201' }));
      expect(mine.timeline.map((e) => e.label)).toContain('代表已把您的意见写进代表建议');
      // The numbers continue where the demo left off.
      ok(await t.call('suggestion.review', { suggestionId: 'sg-demo-14', decision: 'register' }, { openid: 'demo-staff-city' }));
      expect(ok(await t.call('suggestion.get', { suggestionId: 'sg-demo-14' }, { openid: 'demo-staff-city' })).numberLabel).toBe('第0012号');
    } finally {
      await t.stop();
    }
  });
});
