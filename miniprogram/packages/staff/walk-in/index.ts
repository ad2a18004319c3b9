import { definePage } from '../../../factory/define-page';
import type { InputEvent } from '../../../utils/events';
import { navigateBack } from '../../../services/wx';
import { createWalkIn, initialWalkInState } from './model';

definePage({
  name: 'staff-walk-in',
  data: initialWalkInState,
  model: (page) => createWalkIn(page.query.dayId ?? '', page.render),
  events: {
    onName: (form, event: InputEvent) => form.setName(event.detail.value),
    onPhone: (form, event: InputEvent) => form.setPhone(event.detail.value),
    onTopic: (form, event: InputEvent) => form.setTopic(event.detail.value),
    onSubmit: (form) => form.submit(),
    onBack: () => navigateBack(),
  },
});
