import { definePage } from '../../../factory/define-page';
import type { InputEvent, TapEvent } from '../../../utils/events';
import type { ActivityType } from '../../../shared/domain/duty';
import { createDutyGroup, initialDutyGroupState, type DutyGroupState } from './model';

definePage<DutyGroupState, Record<string, never>, ReturnType<typeof createDutyGroup>>({
  name: 'staff-duty-group',
  data: initialDutyGroupState,
  model: (page) => createDutyGroup(page.render),
  events: {
    onToggleDeputy: (group, event: TapEvent<{ id: string }>) => group.toggle(event.currentTarget.dataset.id),
    onMore: (group) => group.more(),
    onChooseType: (group, event: TapEvent<{ type: ActivityType }>) => group.choose(event.currentTarget.dataset.type),
    onDate: (group, event: InputEvent) => group.set('date', event.detail.value),
    onPlace: (group, event: InputEvent) => group.set('place', event.detail.value),
    onNote: (group, event: InputEvent) => group.set('note', event.detail.value),
    onSubmit: (group) => group.submit(),
  },
});
