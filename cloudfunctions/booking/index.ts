import { createFunction } from '../core/handler';
import { withTimer } from '../core/timer';
import { addDay } from './actions/addDay';
import { addWalkIn } from './actions/addWalkIn';
import { bookSlot } from './actions/bookSlot';
import { cancelBooking } from './actions/cancelBooking';
import { cancelDay } from './actions/cancelDay';
import { checkIn } from './actions/checkIn';
import { DAILY_TRIGGER_NAME } from './config';
import { getCheckInQr } from './actions/getCheckInQr';
import { getDay } from './actions/getDay';
import { getRecord } from './actions/getRecord';
import { getRoster } from './actions/getRoster';
import { getRule } from './actions/getRule';
import { joinWaitlist } from './actions/joinWaitlist';
import { listDays } from './actions/listDays';
import { listMyBookings } from './actions/listMyBookings';
import { listStationDays } from './actions/listStationDays';
import { scheduleScreen } from './actions/scheduleScreen';
import { recordReception } from './actions/recordReception';
import { runBookingTimer } from './runTimer';
import { saveRule } from './actions/saveRule';
import { setRoster } from './actions/setRoster';
import { staffCheckIn } from './actions/staffCheckIn';

/** Booking a visit on reception day: schedules, seats, waitlist, check-in, roster and records. */
const api = createFunction('booking', {
  'booking.listDays': listDays,
  'booking.getDay': getDay,
  'booking.book': bookSlot,
  'booking.joinWaitlist': joinWaitlist,
  'booking.cancel': cancelBooking,
  'booking.listMine': listMyBookings,
  'booking.checkIn': checkIn,
  'booking.getRule': getRule,
  'booking.saveRule': saveRule,
  'booking.addDay': addDay,
  'booking.cancelDay': cancelDay,
  'booking.setRoster': setRoster,
  'booking.getCheckInQr': getCheckInQr,
  'booking.listStationDays': listStationDays,
  'booking.scheduleScreen': scheduleScreen,
  'booking.getRoster': getRoster,
  'booking.staffCheckIn': staffCheckIn,
  'booking.addWalkIn': addWalkIn,
  'booking.getRecord': getRecord,
  'booking.recordReception': recordReception,
});

/**
 * The entry point: the hourly timer (config.json) runs the no-show, reminder and schedule jobs;
 * everything else is an API call, routed by the contract exactly like every other function.
 */
export const main = withTimer('booking', api, DAILY_TRIGGER_NAME, runBookingTimer);
