import { definePage, type PageContext } from '../../factory/define-page';
import type { TapEvent } from '../../utils/events';
import { navigateTo } from '../../services/wx';
import { bookingNewUrl } from '../../routes';
import { firstBookableDay, initialBookingDaysState, loadBookingDays, type BookingDaysState } from './model';

type DaysPage = PageContext<BookingDaysState & { openDayId: string }>;

/** Shows the station's reception days, keeping the open day open when it is still there. */
async function showDays(page: DaysPage, { quietly }: { quietly: boolean }): Promise<void> {
  if (!quietly) page.render(initialBookingDaysState());
  const state = await loadBookingDays(page.query.stationId ?? '', page.query.deputyId ?? '');
  // A quiet refresh that fails keeps the days on screen.
  if (quietly && state.status === 'error') return;
  const { openDayId } = page.data();
  const keep = state.view?.days.some((day) => day.id === openDayId);
  page.render({ ...state, openDayId: keep ? openDayId : firstBookableDay(state.view) });
}

definePage({
  name: 'booking-days',
  data: () => ({ ...initialBookingDaysState(), openDayId: '' }),
  load: (_model, page) => showDays(page, { quietly: false }),
  /** Back from booking: seats have changed since. */
  refresh: (_model, page) => showDays(page, { quietly: true }),
  events: {
    onToggleDay: (_model, event: TapEvent<{ dayId: string }>, page) => {
      const { dayId } = event.currentTarget.dataset;
      page.render({ openDayId: page.data().openDayId === dayId ? '' : dayId });
    },
    onChooseSlot: (_model, event: TapEvent<{ dayId: string; slotId: string }>) => {
      const { dayId, slotId } = event.currentTarget.dataset;
      return navigateTo(bookingNewUrl({ dayId, slotId }));
    },
  },
});
