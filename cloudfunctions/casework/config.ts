/**
 * Configuration of the casework function, from its environment variables (set in the CloudBase
 * console, or by the local runtime's process). Read per call so a changed variable applies at once.
 * Case deadlines are read from CASE_DEADLINES (cloudfunctions/core/caseDeadlines.ts). Template ids
 * come from the mini-program admin (订阅消息 → 选用模板); each template's keywords must be the ones
 * listed, or WeChat refuses the send.
 */
import { templateId } from '../core/templates';

/** 督办通知 to a department's handlers: character_string1 tracking number, thing2 urging note, date3 last day allowed, thing4 department. */
export const DEFAULT_URGE_TEMPLATE_ID = 'lxq-case-urged';
/** 办理结果通知 to the resident: character_string1 tracking number, thing2 result, time3 answered at, thing4 what to do. */
export const DEFAULT_ANSWER_TEMPLATE_ID = 'lxq-case-answered';

/** 回访 to the resident: character_string1 tracking number, thing2 the question, thing3 what to do. */
export const DEFAULT_FOLLOW_UP_TEMPLATE_ID = 'lxq-case-follow-up';

export const urgeTemplateId = (): string => templateId('CASE_URGE_TEMPLATE_ID', DEFAULT_URGE_TEMPLATE_ID);
export const answerTemplateId = (): string => templateId('CASE_ANSWER_TEMPLATE_ID', DEFAULT_ANSWER_TEMPLATE_ID);
export const followUpTemplateId = (): string => templateId('CASE_FOLLOW_UP_TEMPLATE_ID', DEFAULT_FOLLOW_UP_TEMPLATE_ID);

/** The page a handler's message opens (the staff case page), and the resident's. */
export const STAFF_CASE_PAGE = 'packages/staff/case/index';
export const MY_OPINION_PAGE = 'pages/opinion/index';
/** The page the resident answers the 回访 on. */
export const FOLLOW_UP_PAGE = 'packages/resident/follow-up/index';

/** The timer trigger declared in config.json; only this trigger runs the daily job. */
export const DAILY_TRIGGER_NAME = 'caseworkDaily';

/** The timer trigger declared in config.json that writes the queued background exports. */
export const EXPORTS_TRIGGER_NAME = 'caseworkExports';
