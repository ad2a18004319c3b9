import { fontScaleBehavior } from '../../../behaviors/font-scale';
import type { TapEvent } from '../../../utils/events';
import { createDeputyEdit, initialDeputyEditState, type DeputyEditState, type TextField } from './model';

const forms = new WeakMap<object, ReturnType<typeof createDeputyEdit>>();

type InputEvent = WechatMiniprogram.CustomEvent<{ value: string }, WechatMiniprogram.IAnyObject, { field: TextField }>;

Component({
  behaviors: [fontScaleBehavior],
  data: initialDeputyEditState(),
  methods: {
    onLoad(query: { deputyId?: string; stationId?: string }) {
      const form = createDeputyEdit((change: Partial<DeputyEditState>) => this.setData(change));
      forms.set(this, form);
      return form.start(query);
    },
    onRetry() {
      return forms.get(this)?.retry();
    },
    onInput(event: InputEvent) {
      forms.get(this)?.setText(event.currentTarget.dataset.field, event.detail.value);
    },
    onLevel(event: TapEvent<{ id: string }>) {
      forms.get(this)?.chooseLevel(event.currentTarget.dataset.id);
    },
    onStation(event: TapEvent<{ id: string }>) {
      forms.get(this)?.toggleStation(event.currentTarget.dataset.id);
    },
    onActive(event: WechatMiniprogram.CustomEvent<{ value: boolean }>) {
      forms.get(this)?.setActive(event.detail.value);
    },
    onSave() {
      return forms.get(this)?.save();
    },
  },
});
