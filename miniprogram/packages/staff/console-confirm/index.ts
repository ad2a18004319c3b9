import { definePage } from '../../../factory/define-page';
import type { TapEvent } from '../../../utils/events';
import { createConsoleConfirm, initialConsoleConfirmState } from './model';

/** Opened by the staff console's sign-in code (scene `l=<ticket>`): confirm the sign-in, end sessions. */
definePage({
  name: 'staff-console-confirm',
  data: initialConsoleConfirmState,
  model: (page) => createConsoleConfirm(page.render),
  load: (confirm, page) => confirm.load(page.query.scene ?? ''),
  events: {
    onConfirm: (confirm) => confirm.confirm(),
    onEndSession: (confirm, event: TapEvent<{ id: string }>) => confirm.endSession(event.currentTarget.dataset.id),
  },
});
