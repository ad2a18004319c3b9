import { definePage } from '../../factory/define-page';
import type { TapEvent } from '../../utils/events';
import { navigateTo } from '../../services/wx';
import { STATIONS_URL } from '../../routes';
import { createMyBookings, initialMyBookingsState } from './model';

definePage({
  name: 'my-bookings',
  privacy: 'onDemand',
  data: initialMyBookingsState,
  model: (page) => createMyBookings(page.render),
  load: (list) => list.reload(),
  /** Back from checking in or booking: statuses have changed since. */
  refresh: (list) => list.refresh(),
  events: {
    onToggleCode: (list, event: TapEvent<{ bookingId: string }>) => list.toggleCode(event.currentTarget.dataset.bookingId),
    onCancel: (list, event: TapEvent<{ bookingId: string }>) => list.cancel(event.currentTarget.dataset.bookingId),
    onCheckIn: (list) => list.scanToCheckIn(),
    onStations: () => navigateTo(STATIONS_URL),
  },
});
