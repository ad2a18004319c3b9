import { fontScaleBehavior } from '../../../behaviors/font-scale';
import { redirectTo } from '../../../services/wx';
import { createStaffBindForm, initialStaffBindState, type StaffBindState } from './model';

const forms = new WeakMap<object, ReturnType<typeof createStaffBindForm>>();

Component({
  behaviors: [fontScaleBehavior],
  data: initialStaffBindState(),
  methods: {
    onLoad() {
      const form = createStaffBindForm((change: Partial<StaffBindState>) => this.setData(change));
      forms.set(this, form);
      form.start();
    },
    onCode(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      forms.get(this)?.setCode(event.detail.value);
    },
    onBind() {
      return forms.get(this)?.bind();
    },
    onDesk() {
      return redirectTo(this.data.deskUrl);
    },
  },
});
