import { definePage } from '../../../factory/define-page';
import { redirectTo } from '../../../services/wx';
import { createStaffBindForm, initialStaffBindState } from './model';

definePage({
  name: 'staff-bind',
  data: initialStaffBindState,
  model: (page) => createStaffBindForm(page.render),
  events: {
    onCode: (form, event: WechatMiniprogram.CustomEvent<{ value: string }>) => form.setCode(event.detail.value),
    onBind: (form) => form.bind(),
    onDesk: (_form, _event, page) => redirectTo(page.data().deskUrl),
  },
});
