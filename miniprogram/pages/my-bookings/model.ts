import { appClock } from '../../services/clock';
import { messageFor } from '../../shared/errors';
import { shanghaiDate } from '../../shared/domain/time';
import { callApi, toApiError } from '../../services/api';
import { confirm, navigateTo, scanCode, showToast, type ScanResult } from '../../services/wx';
import { PAGES, urlForPagePath } from '../../routes';
import { bookingItem, type BookingItem } from '../../views/booking';
import type { LoadStatus } from '../../utils/load-state';

/** 即将到来, then 以往的预约 (shown only when there is any). */
export interface BookingSection {
  key: 'upcoming' | 'past';
  items: BookingItem[];
}

export interface MyBookingsState {
  status: LoadStatus;
  errorMessage: string;
  sections: BookingSection[];
  /** The booking whose code is shown big, for staff to scan. */
  shownCodeId: string;
  /** What went wrong with the last cancel, said above the list. */
  notice: string;
}

export function initialMyBookingsState(): MyBookingsState {
  return { status: 'loading', errorMessage: '', sections: [], shownCodeId: '', notice: '' };
}

export const CANCELLED = '已取消预约';

/** The check-in page a scanned station code opens; null for any other code. */
export function checkInUrlOf(scan: ScanResult | null): string | null {
  const url = scan?.path ? urlForPagePath(scan.path) : null;
  return url?.startsWith(`/${PAGES.checkIn}?`) ? url : null;
}

/**
 * 我的预约: upcoming visits soonest first, then the past. Cancelling asks first; the list then
 * comes again from the server, which has given the seat back.
 */
export function createMyBookings(render: (change: Partial<MyBookingsState>) => void) {
  let items: BookingItem[] = [];
  let shownCodeId = '';

  async function fetch(quiet: boolean): Promise<void> {
    try {
      const { upcoming, past } = await callApi('booking.listMine', {});
      const today = shanghaiDate(appClock.now());
      const sections: BookingSection[] = [{ key: 'upcoming', items: upcoming.map((b) => bookingItem(b, today)) }];
      if (past.length > 0) sections.push({ key: 'past', items: past.map((b) => bookingItem(b, today)) });
      items = sections.flatMap((section) => section.items);
      render({ status: items.length > 0 ? 'ready' : 'empty', errorMessage: '', sections });
    } catch (error) {
      const { message } = toApiError(error, 'booking.listMine');
      // A quiet refresh that fails leaves the list as it was.
      if (quiet) console.warn('[my-bookings] refresh failed', message);
      else render({ status: 'error', errorMessage: message });
    }
  }

  return {
    reload(): Promise<void> {
      render({ status: 'loading', errorMessage: '', notice: '' });
      return fetch(false);
    },
    refresh(): Promise<void> {
      return fetch(true);
    },
    toggleCode(bookingId: string): void {
      shownCodeId = shownCodeId === bookingId ? '' : bookingId;
      render({ shownCodeId });
    },
    async cancel(bookingId: string): Promise<void> {
      const item = items.find((i) => i.id === bookingId);
      if (!item) return;
      const waiting = item.status === 'waiting';
      const yes = await confirm({
        title: waiting ? '退出候补？' : '取消这次预约？',
        content: `${item.whenLabel}\n${item.stationName}`,
        confirmText: waiting ? '退出候补' : '确定取消',
        cancelText: '不取消',
      });
      if (!yes) return;
      try {
        await callApi('booking.cancel', { bookingId });
        render({ notice: '' });
        showToast(waiting ? '已退出候补' : CANCELLED);
      } catch (error) {
        render({ notice: toApiError(error, 'booking.cancel').message });
      }
      await fetch(true);
    },
    /** On the day: scan the station's check-in code, which opens the check-in page. */
    async scanToCheckIn(): Promise<void> {
      let url: string | null = null;
      try {
        const scan = await scanCode();
        if (!scan) return;
        url = checkInUrlOf(scan);
      } catch (error) {
        console.warn('[my-bookings] scan failed', error);
      }
      if (url) await navigateTo(url);
      else showToast(messageFor('BOOKING.INVALID_CHECK_IN_CODE'));
    },
  };
}
