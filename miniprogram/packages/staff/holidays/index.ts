import { fontScaleBehavior } from '../../../behaviors/font-scale';
import type { TapEvent } from '../../../utils/events';
import { createHolidaysPage, initialHolidaysState, type HolidaysState, type PeriodRow } from './model';

type FieldEvent = WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { key: string; field: keyof Omit<PeriodRow, 'key'> }>;

const pages = new WeakMap<object, ReturnType<typeof createHolidaysPage>>();

Component({
  behaviors: [fontScaleBehavior],
  data: initialHolidaysState(),
  methods: {
    onLoad() {
      const page = createHolidaysPage((change: Partial<HolidaysState>) => this.setData(change));
      pages.set(this, page);
      return page.load();
    },
    onRetry() {
      return pages.get(this)?.retry();
    },
    onEdit(event: TapEvent<{ year?: number }>) {
      pages.get(this)?.edit(event.currentTarget.dataset.year);
    },
    onField(event: FieldEvent) {
      const { key, field } = event.currentTarget.dataset;
      pages.get(this)?.setField(key, field, event.detail.value);
    },
    onClear(event: TapEvent<{ key: string; field: keyof Omit<PeriodRow, 'key'> }>) {
      const { key, field } = event.currentTarget.dataset;
      pages.get(this)?.setField(key, field, '');
    },
    onAddRow() {
      pages.get(this)?.addRow();
    },
    onRemoveRow(event: TapEvent<{ key: string }>) {
      pages.get(this)?.removeRow(event.currentTarget.dataset.key);
    },
    onCancel() {
      pages.get(this)?.cancel();
    },
    onSave() {
      return pages.get(this)?.save();
    },
  },
});
