import { fontScaleBehavior } from '../../behaviors/font-scale';
import type { TapEvent } from '../../utils/events';
import { navigateTo } from '../../services/wx';
import { bookingNewUrl } from '../../routes';
import { firstBookableDay, initialBookingDaysState, loadBookingDays } from './model';
import { returnDetector } from '../../utils/return-detector';

const isReturn = returnDetector();

Component({
  behaviors: [fontScaleBehavior],
  data: { ...initialBookingDaysState(), stationId: '', deputyId: '', openDayId: '' },
  methods: {
    onLoad(query: { stationId?: string; deputyId?: string }) {
      this.setData({ stationId: query.stationId ?? '', deputyId: query.deputyId ?? '' });
      return this.load(true);
    },
    /** Back from booking: seats have changed since. */
    onShow() {
      if (!isReturn(this)) return undefined;
      return this.load(false);
    },
    onRetry() {
      return this.load(true);
    },
    async load(showLoading: boolean) {
      if (showLoading) this.setData(initialBookingDaysState());
      const state = await loadBookingDays(this.data.stationId, this.data.deputyId);
      // A quiet refresh that fails keeps the days on screen.
      if (!showLoading && state.status === 'error') return;
      const keep = state.view?.days.some((day) => day.id === this.data.openDayId);
      this.setData({ ...state, openDayId: keep ? this.data.openDayId : firstBookableDay(state.view) });
    },
    onToggleDay(event: TapEvent<{ dayId: string }>) {
      const { dayId } = event.currentTarget.dataset;
      this.setData({ openDayId: this.data.openDayId === dayId ? '' : dayId });
    },
    onChooseSlot(event: TapEvent<{ dayId: string; slotId: string }>) {
      const { dayId, slotId } = event.currentTarget.dataset;
      return navigateTo(bookingNewUrl({ dayId, slotId }));
    },
  },
});
