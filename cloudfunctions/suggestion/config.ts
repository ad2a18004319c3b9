/**
 * Configuration of the suggestion function, from its environment variables (set in the CloudBase
 * console, or by the local runtime's process), read per call. The time limits are
 * `SUGGESTION_LIMITS` (settings.ts). Template ids come from the mini-program admin (订阅消息 → 选用模板);
 * each template's keywords must be the ones listed, or WeChat refuses the send.
 */
import { templateId } from '../core/templates';

/** 代表建议通知 to deputies: thing1 the title, thing2 what happened, time3 when, thing4 what to do. */
export const DEFAULT_DEPUTY_TEMPLATE_ID = 'lxq-suggestion-deputy';
/** 建议办理提醒 to units' handlers and staff: thing1 the title, thing2 what happened, date3 the last day allowed, thing4 the note. */
export const DEFAULT_UNIT_TEMPLATE_ID = 'lxq-suggestion-unit';
/** 意见进展通知 to residents: character_string1 the opinion's tracking number, thing2 the progress, time3 when. */
export const DEFAULT_RESIDENT_TEMPLATE_ID = 'lxq-suggestion-resident';

export const deputyTemplateId = (): string => templateId('SUGGESTION_DEPUTY_TEMPLATE_ID', DEFAULT_DEPUTY_TEMPLATE_ID);
export const unitTemplateId = (): string => templateId('SUGGESTION_UNIT_TEMPLATE_ID', DEFAULT_UNIT_TEMPLATE_ID);
export const residentTemplateId = (): string => templateId('SUGGESTION_RESIDENT_TEMPLATE_ID', DEFAULT_RESIDENT_TEMPLATE_ID);

/** The pages the messages open: the deputy's suggestion, the staff and handlers' one, the resident's opinion. */
export const DEPUTY_SUGGESTION_PAGE = 'packages/suggestion/detail/index';
export const STAFF_SUGGESTION_PAGE = 'packages/suggestion/work/index';
export const MY_OPINION_PAGE = 'pages/opinion/index';

/** The timer trigger declared in config.json; only this trigger runs the daily job. */
export const DAILY_TRIGGER_NAME = 'suggestionDaily';
/** The Shanghai hour from which the day's reminders go out. */
export const REMINDER_HOUR = 9;
