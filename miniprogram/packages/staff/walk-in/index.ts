import { fontScaleBehavior } from '../../../behaviors/font-scale';
import { navigateBack } from '../../../services/wx';
import { createWalkIn, initialWalkInState, type WalkInState } from './model';

type InputEvent = WechatMiniprogram.CustomEvent<{ value: string }>;

const forms = new WeakMap<object, ReturnType<typeof createWalkIn>>();

Component({
  behaviors: [fontScaleBehavior],
  data: initialWalkInState(),
  methods: {
    onLoad(query: { dayId?: string }) {
      forms.set(
        this,
        createWalkIn(query.dayId ?? '', (change: Partial<WalkInState>) => this.setData(change)),
      );
    },
    onName(event: InputEvent) {
      forms.get(this)?.setName(event.detail.value);
    },
    onPhone(event: InputEvent) {
      forms.get(this)?.setPhone(event.detail.value);
    },
    onTopic(event: InputEvent) {
      forms.get(this)?.setTopic(event.detail.value);
    },
    onSubmit() {
      return forms.get(this)?.submit();
    },
    onBack() {
      navigateBack();
    },
  },
});
