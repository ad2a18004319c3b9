import { definePage } from '../../../factory/define-page';
import type { TapEvent } from '../../../utils/events';
import { navigateBack } from '../../../services/wx';
import { createReceptionRecord, initialReceptionRecordState } from './model';

type InputEvent = WechatMiniprogram.CustomEvent<{ value: string }, WechatMiniprogram.IAnyObject, { key: string }>;
type PickerEvent = WechatMiniprogram.CustomEvent<{ value: string | number }, WechatMiniprogram.IAnyObject, { key: string }>;
type SwitchEvent = WechatMiniprogram.CustomEvent<{ value: boolean }, WechatMiniprogram.IAnyObject, { key: string }>;

definePage({
  name: 'staff-reception-record',
  data: initialReceptionRecordState,
  model: (page) => createReceptionRecord(page.query.bookingId ?? '', page.render),
  events: {
    onDeputy: (record, event: TapEvent<{ id: string }>) => record.toggleDeputy(event.currentTarget.dataset.id),
    onItemText: (record, event: InputEvent) => record.setText(event.currentTarget.dataset.key, event.detail.value),
    onItemToOpinion: (record, event: SwitchEvent) => record.setToOpinion(event.currentTarget.dataset.key, event.detail.value),
    onItemCategory: (record, event: PickerEvent) => record.setCategory(event.currentTarget.dataset.key, Number(event.detail.value)),
    onAddItem: (record) => record.addItem(),
    onRemoveItem: (record, event: TapEvent<{ key: string }>) => record.removeItem(event.currentTarget.dataset.key),
    onNote: (record, event: InputEvent) => record.setNote(event.detail.value),
    onSave: (record) => record.save(),
    onBack: () => navigateBack(),
  },
});
