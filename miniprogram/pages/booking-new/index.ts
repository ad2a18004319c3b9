import { definePage } from '../../factory/define-page';
import type { InputEvent, SwitchEvent } from '../../utils/events';
import { redirectTo } from '../../services/wx';
import { MY_BOOKINGS_URL } from '../../routes';
import { createBookingForm, initialBookingFormState } from './model';

definePage({
  name: 'booking-new',
  privacy: 'required',
  data: initialBookingFormState,
  model: (page) => createBookingForm(page.query.dayId ?? '', page.query.slotId ?? '', page.render),
  events: {
    onTopic: (form, event: InputEvent) => form.setTopic(event.detail.value),
    onName: (form, event: InputEvent) => form.setName(event.detail.value),
    onPhone: (form, event: InputEvent) => form.setPhone(event.detail.value),
    onShareContact: (form, event: SwitchEvent) => form.setShareContact(event.detail.value),
    onSubmit: (form) => form.submit(),
    onMyBookings: () => redirectTo(MY_BOOKINGS_URL),
  },
});
