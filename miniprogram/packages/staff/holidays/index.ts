import { definePage } from '../../../factory/define-page';
import type { TapEvent } from '../../../utils/events';
import { createHolidaysPage, initialHolidaysState, type PeriodRow } from './model';

type Field = keyof Omit<PeriodRow, 'key'>;
type FieldEvent = WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { key: string; field: Field }>;

definePage({
  name: 'staff-holidays',
  data: initialHolidaysState,
  model: (page) => createHolidaysPage(page.render),
  events: {
    onEdit: (holidays, event: TapEvent<{ year?: number }>) => holidays.edit(event.currentTarget.dataset.year),
    onField: (holidays, event: FieldEvent) => {
      const { key, field } = event.currentTarget.dataset;
      holidays.setField(key, field, event.detail.value);
    },
    onClear: (holidays, event: TapEvent<{ key: string; field: Field }>) => {
      const { key, field } = event.currentTarget.dataset;
      holidays.setField(key, field, '');
    },
    onAddRow: (holidays) => holidays.addRow(),
    onRemoveRow: (holidays, event: TapEvent<{ key: string }>) => holidays.removeRow(event.currentTarget.dataset.key),
    onCancel: (holidays) => holidays.cancel(),
    onSave: (holidays) => holidays.save(),
  },
});
