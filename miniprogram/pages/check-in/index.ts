import { definePage } from '../../factory/define-page';
import { redirectTo } from '../../services/wx';
import { MY_BOOKINGS_URL, PAGES } from '../../routes';
import { checkInWith, initialCheckInState } from './model';

/** Where the station's check-in code opens the app, on the day: checks the resident in at once. */
definePage({
  name: 'check-in',
  data: initialCheckInState,
  load: async (_model, page) => {
    page.render(initialCheckInState());
    page.render(await checkInWith(page.query.scene ?? ''));
  },
  events: {
    onMyBookings: () => redirectTo(MY_BOOKINGS_URL),
    onHome: () => redirectTo(`/${PAGES.home}`),
  },
});
