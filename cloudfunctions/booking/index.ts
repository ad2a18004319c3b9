import { createFunction } from '../core/handler';
import { withTimer } from '../core/timer';
import { addDay } from './addDay';
import { addWalkIn } from './addWalkIn';
import { bookSlot } from './bookSlot';
import { cancelBooking } from './cancelBooking';
import { cancelDay } from './cancelDay';
import { checkIn } from './checkIn';
import { DAILY_TRIGGER_NAME } from './config';
import { getCheckInQr } from './getCheckInQr';
import { getDay } from './getDay';
import { getRecord } from './getRecord';
import { getRoster } from './getRoster';
import { getRule } from './getRule';
import { joinWaitlist } from './joinWaitlist';
import { listDays } from './listDays';
import { listMyBookings } from './listMyBookings';
import { listStationDays } from './listStationDays';
import { recordReception } from './recordReception';
import { runBookingTimer } from './runTimer';
import { saveRule } from './saveRule';
import { setRoster } from './setRoster';
import { staffCheckIn } from './staffCheckIn';

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
