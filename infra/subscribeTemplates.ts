/**
 * Every subscribe message (订阅消息) a function sends: the environment variable that holds the id of
 * the template chosen in the mini-program admin (订阅消息 → 选用模板), and the local default that only
 * names it (never valid in WeChat; the deploy asks for every variable, scripts/deploy/settings.ts).
 * Each template's keywords must be the ones listed, or WeChat refuses the send.
 */
export const SUBSCRIBE_TEMPLATES = [
  /** When a deputy replies: character_string1, thing2, name3, time4. */
  { fn: 'opinion', name: 'reply', variable: 'OPINION_REPLY_TEMPLATE_ID', fallback: 'lxq-opinion-replied' },
  /** 预约提醒, the day before: thing1 station, time2 slot, character_string3 booking code, thing4 note. */
  { fn: 'booking', name: 'reminder', variable: 'BOOKING_REMINDER_TEMPLATE_ID', fallback: 'lxq-booking-reminder' },
  /** 候补成功通知, when a cancellation gives a waiting resident the seat: the reminder's keywords. */
  { fn: 'booking', name: 'promoted', variable: 'BOOKING_PROMOTED_TEMPLATE_ID', fallback: 'lxq-booking-promoted' },
  /** 预约取消通知, when staff cancel a reception day: thing1 station, date2 day, thing3 reason. */
  { fn: 'booking', name: 'dayCancelled', variable: 'BOOKING_DAY_CANCELLED_TEMPLATE_ID', fallback: 'lxq-booking-day-cancelled' },
  /** 督办通知 to a department's handlers: character_string1 tracking number, thing2 urging note, date3 last day allowed, thing4 department. */
  { fn: 'casework', name: 'urge', variable: 'CASE_URGE_TEMPLATE_ID', fallback: 'lxq-case-urged' },
  /** 办理结果通知 to the resident: character_string1 tracking number, thing2 result, time3 answered at, thing4 what to do. */
  { fn: 'casework', name: 'answer', variable: 'CASE_ANSWER_TEMPLATE_ID', fallback: 'lxq-case-answered' },
  /** 回访 to the resident: character_string1 tracking number, thing2 the question, thing3 what to do. */
  { fn: 'casework', name: 'followUp', variable: 'CASE_FOLLOW_UP_TEMPLATE_ID', fallback: 'lxq-case-follow-up' },
  /** 代表建议通知 to deputies: thing1 the title, thing2 what happened, time3 when, thing4 what to do. */
  { fn: 'suggestion', name: 'deputy', variable: 'SUGGESTION_DEPUTY_TEMPLATE_ID', fallback: 'lxq-suggestion-deputy' },
  /** 建议办理提醒 to units' handlers and staff: thing1 the title, thing2 what happened, date3 the last day allowed, thing4 the note. */
  { fn: 'suggestion', name: 'unit', variable: 'SUGGESTION_UNIT_TEMPLATE_ID', fallback: 'lxq-suggestion-unit' },
  /** 意见进展通知 to residents: character_string1 the opinion's tracking number, thing2 the progress, time3 when. */
  { fn: 'suggestion', name: 'resident', variable: 'SUGGESTION_RESIDENT_TEMPLATE_ID', fallback: 'lxq-suggestion-resident' },
  /** 项目进展通知 to the residents following a project: thing1 the project, thing2 the milestone, time3 when. */
  { fn: 'project', name: 'milestone', variable: 'PROJECT_MILESTONE_TEMPLATE_ID', fallback: 'lxq-project-milestone' },
] as const;

type SubscribeTemplate = (typeof SUBSCRIBE_TEMPLATES)[number];
/** A function that sends subscribe messages, and the names of its templates. */
export type TemplateSender = SubscribeTemplate['fn'];
export type TemplateName<Fn extends TemplateSender> = Extract<SubscribeTemplate, { fn: Fn }>['name'];
