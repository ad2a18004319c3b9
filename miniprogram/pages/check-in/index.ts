import { definePage, showFetched } from '../../factory/define-page';
import { redirectTo } from '../../services/wx';
import { MY_BOOKINGS_URL, PAGES } from '../../routes';
import { checkInWith, initialCheckInState } from './model';

/** Where the station's check-in code opens the app, on the day: checks the resident in at once. */
definePage({
  name: 'check-in',
  data: initialCheckInState,
  load: showFetched(initialCheckInState, (page) => checkInWith(page.query.scene ?? '')),
  events: {
    onMyBookings: () => redirectTo(MY_BOOKINGS_URL),
    onHome: () => redirectTo(`/${PAGES.home}`),
  },
});
