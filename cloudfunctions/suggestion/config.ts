/**
 * Configuration of the suggestion function, from its environment variables (set in the CloudBase
 * console, or by the local runtime's process), read per call. The time limits are
 * `SUGGESTION_LIMITS` (settings.ts). Its subscribe-message templates, their variables and keywords
 * are in infra/subscribeTemplates.ts.
 */
import { templateIdsOf } from '../core/templates';

export const templateIds = templateIdsOf('suggestion');

/** The pages the messages open: the deputy's suggestion, the staff and handlers' one, the resident's opinion. */
export const DEPUTY_SUGGESTION_PAGE = 'packages/suggestion/detail/index';
export const STAFF_SUGGESTION_PAGE = 'packages/suggestion/work/index';
export const MY_OPINION_PAGE = 'pages/opinion/index';

/** The timer trigger declared in config.json; only this trigger runs the daily job. */
export const DAILY_TRIGGER_NAME = 'suggestionDaily';
/** The Shanghai hour from which the day's reminders go out. */
export const REMINDER_HOUR = 9;
