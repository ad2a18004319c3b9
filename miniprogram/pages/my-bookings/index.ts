import { fontScaleBehavior } from '../../behaviors/font-scale';
import type { TapEvent } from '../../utils/events';
import { navigateTo } from '../../services/wx';
import { STATIONS_URL } from '../../routes';
import { createMyBookings, initialMyBookingsState, type MyBookingsState } from './model';
import { returnDetector } from '../../utils/return-detector';

const lists = new WeakMap<object, ReturnType<typeof createMyBookings>>();
const isReturn = returnDetector();

Component({
  behaviors: [fontScaleBehavior],
  data: initialMyBookingsState(),
  methods: {
    onLoad() {
      const list = createMyBookings((change: Partial<MyBookingsState>) => this.setData(change));
      lists.set(this, list);
      return list.reload();
    },
    /** Back from checking in or booking: statuses have changed since. */
    onShow() {
      if (!isReturn(this)) return undefined;
      return lists.get(this)?.refresh();
    },
    onRetry() {
      return lists.get(this)?.reload();
    },
    onToggleCode(event: TapEvent<{ bookingId: string }>) {
      lists.get(this)?.toggleCode(event.currentTarget.dataset.bookingId);
    },
    onCancel(event: TapEvent<{ bookingId: string }>) {
      return lists.get(this)?.cancel(event.currentTarget.dataset.bookingId);
    },
    onCheckIn() {
      return lists.get(this)?.scanToCheckIn();
    },
    onStations() {
      return navigateTo(STATIONS_URL);
    },
  },
});
