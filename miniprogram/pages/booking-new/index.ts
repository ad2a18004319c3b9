import { fontScaleBehavior } from '../../behaviors/font-scale';
import { redirectTo } from '../../services/wx';
import { MY_BOOKINGS_URL } from '../../routes';
import { createBookingForm, initialBookingFormState, type BookingFormState } from './model';

type InputEvent = WechatMiniprogram.CustomEvent<{ value: string }>;

const forms = new WeakMap<object, ReturnType<typeof createBookingForm>>();

Component({
  behaviors: [fontScaleBehavior],
  data: initialBookingFormState(),
  methods: {
    onLoad(query: { dayId?: string; slotId?: string }) {
      const form = createBookingForm(query.dayId ?? '', query.slotId ?? '', (change: Partial<BookingFormState>) => this.setData(change));
      forms.set(this, form);
      return form.load();
    },
    onRetry() {
      return forms.get(this)?.load();
    },
    onTopic(event: InputEvent) {
      forms.get(this)?.setTopic(event.detail.value);
    },
    onName(event: InputEvent) {
      forms.get(this)?.setName(event.detail.value);
    },
    onPhone(event: InputEvent) {
      forms.get(this)?.setPhone(event.detail.value);
    },
    onSubmit() {
      return forms.get(this)?.submit();
    },
    onMyBookings() {
      return redirectTo(MY_BOOKINGS_URL);
    },
  },
});
