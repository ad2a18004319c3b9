import { definePage } from '../../../factory/define-page';
import { redirectTo } from '../../../services/wx';
import { DEPUTY_INBOX_URL } from '../../../routes';
import { createBindForm, initialBindState } from './model';

definePage({
  name: 'deputy-bind',
  data: initialBindState,
  model: (page) => createBindForm(page.render),
  events: {
    onCode: (form, event: WechatMiniprogram.CustomEvent<{ value: string }>) => form.setCode(event.detail.value),
    onBind: (form) => form.bind(),
    onInbox: () => redirectTo(DEPUTY_INBOX_URL),
  },
});
