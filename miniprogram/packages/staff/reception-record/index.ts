import { fontScaleBehavior } from '../../../behaviors/font-scale';
import type { TapEvent } from '../../../utils/events';
import { navigateBack } from '../../../services/wx';
import { createReceptionRecord, initialReceptionRecordState, type ReceptionRecordState } from './model';

type InputEvent = WechatMiniprogram.CustomEvent<{ value: string }, WechatMiniprogram.IAnyObject, { key: string }>;
type PickerEvent = WechatMiniprogram.CustomEvent<{ value: string | number }, WechatMiniprogram.IAnyObject, { key: string }>;
type SwitchEvent = WechatMiniprogram.CustomEvent<{ value: boolean }, WechatMiniprogram.IAnyObject, { key: string }>;

const records = new WeakMap<object, ReturnType<typeof createReceptionRecord>>();

Component({
  behaviors: [fontScaleBehavior],
  data: initialReceptionRecordState(),
  methods: {
    onLoad(query: { dayId?: string; bookingId?: string }) {
      const record = createReceptionRecord(query.bookingId ?? '', (change: Partial<ReceptionRecordState>) => this.setData(change));
      records.set(this, record);
      return record.load();
    },
    onRetry() {
      return records.get(this)?.load();
    },
    onDeputy(event: TapEvent<{ id: string }>) {
      records.get(this)?.toggleDeputy(event.currentTarget.dataset.id);
    },
    onItemText(event: InputEvent) {
      records.get(this)?.setText(event.currentTarget.dataset.key, event.detail.value);
    },
    onItemToOpinion(event: SwitchEvent) {
      records.get(this)?.setToOpinion(event.currentTarget.dataset.key, event.detail.value);
    },
    onItemCategory(event: PickerEvent) {
      records.get(this)?.setCategory(event.currentTarget.dataset.key, Number(event.detail.value));
    },
    onAddItem() {
      records.get(this)?.addItem();
    },
    onRemoveItem(event: TapEvent<{ key: string }>) {
      records.get(this)?.removeItem(event.currentTarget.dataset.key);
    },
    onNote(event: InputEvent) {
      records.get(this)?.setNote(event.detail.value);
    },
    onSave() {
      return records.get(this)?.save();
    },
    onBack() {
      navigateBack();
    },
  },
});
