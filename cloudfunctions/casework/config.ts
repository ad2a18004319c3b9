/**
 * Configuration of the casework function, from its environment variables (set in the CloudBase
 * console, or by the local runtime's process). Read per call so a changed variable applies at once.
 * Case deadlines are read from CASE_DEADLINES (cloudfunctions/core/caseDeadlines.ts). Its
 * subscribe-message templates, their variables and keywords are in infra/subscribeTemplates.ts.
 */
import { templateIdsOf } from '../core/templates';

export const templateIds = templateIdsOf('casework');

/** The page a handler's message opens (the staff case page), and the resident's. */
export const STAFF_CASE_PAGE = 'packages/staff/case/index';
export const MY_OPINION_PAGE = 'pages/opinion/index';
/** The page the resident answers the 回访 on. */
export const FOLLOW_UP_PAGE = 'packages/resident/follow-up/index';

/** The timer trigger declared in config.json; only this trigger runs the daily job. */
export const DAILY_TRIGGER_NAME = 'caseworkDaily';

/** The timer trigger declared in config.json that writes the queued background exports. */
export const EXPORTS_TRIGGER_NAME = 'caseworkExports';
