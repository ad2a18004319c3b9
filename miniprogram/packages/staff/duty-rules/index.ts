import { definePage } from '../../../factory/define-page';
import type { ScoredKind } from '../../../shared/domain/duty';
import { createDutyRules, initialDutyRulesState, type DutyRulesState } from './model';

type InputEvent = WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { kind: ScoredKind }>;

definePage<DutyRulesState, { areaId?: string }, ReturnType<typeof createDutyRules>>({
  name: 'staff-duty-rules',
  data: initialDutyRulesState,
  model: (page) => createDutyRules(page.render, page.query.areaId),
  events: {
    onDate: (rules, event: InputEvent) => rules.setDate(event.detail.value),
    onPoints: (rules, event: InputEvent) => rules.setRule(event.currentTarget.dataset.kind, 'points', event.detail.value),
    onCap: (rules, event: InputEvent) => rules.setRule(event.currentTarget.dataset.kind, 'cap', event.detail.value),
    onPenalty: (rules, event: InputEvent) => rules.setPenalty(event.detail.value),
    onSave: (rules) => rules.save(),
  },
});
