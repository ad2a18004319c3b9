/**
 * Configuration of the booking function, from its environment variables (set in the CloudBase
 * console, or by the local runtime's process). Read per call so a changed variable applies at once.
 * Its subscribe-message templates, their variables and keywords are in infra/subscribeTemplates.ts.
 */
import { templateIdsOf } from '../core/templates';

export const templateIds = templateIdsOf('booking');

/** The page a booking message opens: the resident's bookings. */
export const MY_BOOKINGS_PAGE = 'pages/my-bookings/index';

/** The timer trigger declared in config.json; only this trigger runs the daily jobs. */
export const DAILY_TRIGGER_NAME = 'bookingDaily';
