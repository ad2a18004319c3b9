import { fontScaleBehavior } from '../../../behaviors/font-scale';
import { redirectTo } from '../../../services/wx';
import { DEPUTY_INBOX_URL } from '../../../routes';
import { createBindForm, initialBindState, type BindState } from './model';

const forms = new WeakMap<object, ReturnType<typeof createBindForm>>();

Component({
  behaviors: [fontScaleBehavior],
  data: initialBindState(),
  methods: {
    onLoad() {
      const form = createBindForm((change: Partial<BindState>) => this.setData(change));
      forms.set(this, form);
      form.start();
    },
    onCode(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      forms.get(this)?.setCode(event.detail.value);
    },
    onBind() {
      return forms.get(this)?.bind();
    },
    onInbox() {
      return redirectTo(DEPUTY_INBOX_URL);
    },
  },
});
