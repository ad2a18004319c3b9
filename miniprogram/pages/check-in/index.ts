import { definePage, showQueried } from '../../factory/define-page';
import { redirectTo } from '../../services/wx';
import { MY_BOOKINGS_URL, PAGES } from '../../routes';
import { checkInWith, initialCheckInState } from './model';

/** Where the station's check-in code opens the app, on the day: checks the resident in at once. */
definePage({
  name: 'check-in',
  ...showQueried('scene', initialCheckInState, checkInWith),
  events: {
    onMyBookings: () => redirectTo(MY_BOOKINGS_URL),
    onHome: () => redirectTo(`/${PAGES.home}`),
  },
});
