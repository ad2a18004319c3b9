/**
 * Configuration of the opinion function, from its environment variables (set in the CloudBase
 * console, or by the local runtime's process). Read per call so a changed variable applies at once.
 */
import { templateId } from '../core/templates';

/** Subscribe message sent when a deputy replies; keywords character_string1, thing2, name3, time4. */
export const DEFAULT_REPLY_TEMPLATE_ID = 'lxq-opinion-replied';

export const replyTemplateId = (): string => templateId('OPINION_REPLY_TEMPLATE_ID', DEFAULT_REPLY_TEMPLATE_ID);

/** The mini-program page the message opens: the resident's opinion detail. */
export const MY_OPINION_PAGE = 'pages/opinion/index';
