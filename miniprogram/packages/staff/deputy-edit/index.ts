import { definePage } from '../../../factory/define-page';
import type { InputEvent, TapEvent } from '../../../utils/events';
import { createDeputyEdit, initialDeputyEditState, type TextField } from './model';

type FieldEvent = InputEvent<{ field: TextField }>;

definePage({
  name: 'staff-deputy-edit',
  data: initialDeputyEditState,
  model: (page) => createDeputyEdit(page.query, page.render),
  events: {
    onInput: (form, event: FieldEvent) => form.setText(event.currentTarget.dataset.field, event.detail.value),
    onLevel: (form, event: TapEvent<{ id: string }>) => form.chooseLevel(event.currentTarget.dataset.id),
    onStation: (form, event: TapEvent<{ id: string }>) => form.toggleStation(event.currentTarget.dataset.id),
    onActive: (form, event: WechatMiniprogram.CustomEvent<{ value: boolean }>) => form.setActive(event.detail.value),
    onSave: (form) => form.save(),
  },
});
