/**
 * Configuration of the opinion function, from its environment variables (set in the CloudBase
 * console, or by the local runtime's process). Read per call so a changed variable applies at once.
 */
import { templateIdsOf } from '../core/templates';

/** The subscribe message sent when a deputy replies (infra/subscribeTemplates.ts). */
export const templateIds = templateIdsOf('opinion');

/** The mini-program page the message opens: the resident's opinion detail. */
export const MY_OPINION_PAGE = 'pages/opinion/index';
