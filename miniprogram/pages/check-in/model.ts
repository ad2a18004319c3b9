import { messageFor } from '../../shared/errors';
import { callApi, toApiError } from '../../services/api';
import { whenLabel } from '../../views/booking';
import type { LoadStatus } from '../../utils/load-state';

export interface CheckedInView {
  whenLabel: string;
  stationName: string;
  /** Arrived after the slot ended. */
  late: boolean;
}

/** `refused`: the server said no (wrong day, no booking here, a foreign code), in its own words. */
export interface CheckInState {
  status: LoadStatus | 'refused';
  errorMessage: string;
  view: CheckedInView | null;
}

export function initialCheckInState(): CheckInState {
  return { status: 'loading', errorMessage: '', view: null };
}

const refused = (message: string): CheckInState => ({ status: 'refused', errorMessage: message, view: null });

/**
 * Checks the resident in with the scene of the station's check-in code, exactly as the page
 * received it. A network failure can be retried; a refusal is said and stays.
 */
export async function checkInWith(scene: string | undefined): Promise<CheckInState> {
  const invalid = messageFor('BOOKING.INVALID_CHECK_IN_CODE');
  if (!scene) return refused(invalid);
  try {
    const { booking } = await callApi('booking.checkIn', { scene });
    return {
      status: 'ready',
      errorMessage: '',
      view: {
        whenLabel: whenLabel(booking.date, booking.slotStart, booking.slotEnd),
        stationName: booking.stationName,
        late: booking.late,
      },
    };
  } catch (error) {
    const apiError = toApiError(error, 'booking.checkIn');
    if (apiError.code === 'COMMON.NETWORK' || apiError.code === 'COMMON.INTERNAL') return { status: 'error', errorMessage: apiError.message, view: null };
    return refused(apiError.code === 'COMMON.INVALID_INPUT' ? invalid : apiError.message);
  }
}
