import { fontScaleBehavior } from '../../behaviors/font-scale';
import { redirectTo } from '../../services/wx';
import { MY_BOOKINGS_URL, PAGES } from '../../routes';
import { checkInWith, initialCheckInState } from './model';

/** Where the station's check-in code opens the app, on the day: checks the resident in at once. */
Component({
  behaviors: [fontScaleBehavior],
  data: { ...initialCheckInState(), scene: '' },
  methods: {
    onLoad(query: { scene?: string }) {
      this.setData({ scene: query.scene ?? '' });
      return this.checkIn();
    },
    onRetry() {
      return this.checkIn();
    },
    async checkIn() {
      this.setData(initialCheckInState());
      this.setData(await checkInWith(this.data.scene));
    },
    onMyBookings() {
      return redirectTo(MY_BOOKINGS_URL);
    },
    onHome() {
      return redirectTo(`/${PAGES.home}`);
    },
  },
});
