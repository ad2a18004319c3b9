import { fontScaleBehavior } from '../../../behaviors/font-scale';
import type { TapEvent } from '../../../utils/events';
import { navigateTo } from '../../../services/wx';
import { staffDeputyEditUrl } from '../routes';
import { createStationEdit, initialStationEditState, type StationEditState, type TextField } from './model';
import { returnDetector } from '../../../utils/return-detector';

const forms = new WeakMap<object, ReturnType<typeof createStationEdit>>();
const isReturn = returnDetector();

type InputEvent = WechatMiniprogram.CustomEvent<{ value: string }, WechatMiniprogram.IAnyObject, { field: TextField }>;

Component({
  behaviors: [fontScaleBehavior],
  data: initialStationEditState(),
  methods: {
    onLoad(query: { stationId?: string }) {
      const form = createStationEdit((change: Partial<StationEditState>) => this.setData(change));
      forms.set(this, form);
      return form.start(query);
    },
    /** Back from a deputy's form: the deputies here may have changed. */
    onShow() {
      if (!isReturn(this)) return undefined;
      return forms.get(this)?.refreshDeputies();
    },
    onRetry() {
      return forms.get(this)?.retry();
    },
    onInput(event: InputEvent) {
      forms.get(this)?.setText(event.currentTarget.dataset.field, event.detail.value);
    },
    onArea(event: TapEvent<{ id: string }>) {
      forms.get(this)?.chooseArea(event.currentTarget.dataset.id);
    },
    onActive(event: WechatMiniprogram.CustomEvent<{ value: boolean }>) {
      forms.get(this)?.setActive(event.detail.value);
    },
    onPickLocation() {
      return forms.get(this)?.pickLocation();
    },
    onSave() {
      return forms.get(this)?.save();
    },
    onDeputy(event: TapEvent<{ id: string }>) {
      return navigateTo(staffDeputyEditUrl({ deputyId: event.currentTarget.dataset.id }));
    },
    onNewDeputy() {
      return navigateTo(staffDeputyEditUrl({ stationId: this.data.stationId }));
    },
  },
});
