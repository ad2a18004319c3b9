/** The pages of the app, as app.json lists them, and the URLs that open them. */
import type { SceneKind } from './shared/domain/scene';

/** The main package: what a resident needs, downloaded at first opening. */
export const PAGES = {
  home: 'pages/home/index',
  stations: 'pages/stations/index',
  station: 'pages/station/index',
  deputy: 'pages/deputy/index',
  scan: 'pages/scan/index',
  opinionNew: 'pages/opinion-new/index',
  myOpinions: 'pages/my-opinions/index',
  opinion: 'pages/opinion/index',
  bookingDays: 'pages/booking-days/index',
  bookingNew: 'pages/booking-new/index',
  myBookings: 'pages/my-bookings/index',
  checkIn: 'pages/check-in/index',
  /** 我的消息: news that did not go by WeChat, with the unread count as the badge on home. */
  messages: 'pages/messages/index',
} as const;

/**
 * Subpackages, downloaded only when a deputy or a staff member opens them: residents never pay
 * for them on a weak network. app.json lists each root with its pages relative to it.
 */
export const SUBPACKAGE_PAGES = {
  deputyBind: 'packages/deputy/bind/index',
  deputyInbox: 'packages/deputy/inbox/index',
  deputyOpinion: 'packages/deputy/opinion/index',
  staffCodes: 'packages/staff/codes/index',
  staffRoster: 'packages/staff/roster/index',
  staffWalkIn: 'packages/staff/walk-in/index',
  staffRecord: 'packages/staff/reception-record/index',
  staffSchedule: 'packages/staff/schedule/index',
  staffBind: 'packages/staff/bind/index',
  staffCases: 'packages/staff/cases/index',
  staffCase: 'packages/staff/case/index',
  staffAssigned: 'packages/staff/assigned/index',
  staffStats: 'packages/staff/stats/index',
  staffDrillDown: 'packages/staff/drill-down/index',
  /** 联络站与代表: staff create and edit stations and deputies in their scope. */
  staffDirectory: 'packages/staff/directory/index',
  staffStationEdit: 'packages/staff/station-edit/index',
  staffDeputyEdit: 'packages/staff/deputy-edit/index',
  /** 节假日安排: the holiday calendar staff read and administrators record. */
  staffHolidays: 'packages/staff/holidays/index',
  /**
   * 代表建议, one subpackage for deputies, staff and units alike (the pages share their views, and
   * none of it reaches the main package): a deputy's suggestions, the draft form, one suggestion;
   * staff's queues, one suggestion as staff and units work it, a unit's 建议承办, figures, their
   * drill-down, sessions.
   */
  deputySuggestions: 'packages/suggestion/mine/index',
  deputySuggestionEdit: 'packages/suggestion/edit/index',
  deputySuggestion: 'packages/suggestion/detail/index',
  staffSuggestions: 'packages/suggestion/staff/index',
  staffSuggestion: 'packages/suggestion/work/index',
  staffSuggestionsAssigned: 'packages/suggestion/assigned/index',
  staffSuggestionStats: 'packages/suggestion/stats/index',
  staffSuggestionDrill: 'packages/suggestion/drill/index',
  staffSuggestionSessions: 'packages/suggestion/sessions/index',
  /**
   * 代表履职 for staff: what waits for their decision (activities to confirm, leave, 错、重、漏), one
   * activity for a group of deputies, the area's 述职评议 periods, and the area's points rules.
   */
  staffDutyWork: 'packages/staff/duty-work/index',
  staffDutyGroup: 'packages/staff/duty-group/index',
  staffDutyReviews: 'packages/staff/duty-reviews/index',
  staffDutyRules: 'packages/staff/duty-rules/index',
  /** 电脑端登录确认: what the staff console's sign-in code opens (scene `l=<ticket>`). */
  staffConsoleConfirm: 'packages/staff/console-confirm/index',
  /** 代表履职: a deputy's 履职档案 with its points line by line, and a 述职评议 report residents read and rate. */
  dutyRecord: 'packages/duty/record/index',
  dutyReport: 'packages/duty/report/index',
  /** A deputy adds an activity outside the product and sees it awaiting staff confirmation. */
  dutyActivity: 'packages/duty/activity/index',
  /**
   * 公开数据: the headline figures of an area, a station or a deputy, and the anonymised list
   * behind each; opened from a station's page and from an area on 找联络站.
   */
  figures: 'packages/figures/index/index',
  figureItems: 'packages/figures/items/index',
  /**
   * 民生实事项目票决: a round (proposals, candidates, the deputies' ballot, the published tally) and a
   * candidate or chosen project (comments, progress and milestones, follow, the year-end rating).
   * Notifications of milestones point at the candidate page.
   */
  projectRound: 'packages/project/round/index',
  /** The rounds of a station's areas (or of one area), running and finished; opened from a station's page. */
  projectRounds: 'packages/project/rounds/index',
  projectCandidate: 'packages/project/candidate/index',
  /** 我的数据 (export, delete the account): rarely opened, so not in the main package. */
  myData: 'packages/resident/my-data/index',
  /** 回访: weeks after a case closed, the resident says whether the problem is really solved (opened from the message). */
  followUp: 'packages/resident/follow-up/index',
} as const;

export const ALL_PAGES = { ...PAGES, ...SUBPACKAGE_PAGES } as const;

const KNOWN_PAGES: ReadonlySet<string> = new Set(Object.values(PAGES));

export const STATIONS_URL = `/${PAGES.stations}`;
export const MY_OPINIONS_URL = `/${PAGES.myOpinions}`;
export const DEPUTY_BIND_URL = `/${SUBPACKAGE_PAGES.deputyBind}`;
export const DEPUTY_INBOX_URL = `/${SUBPACKAGE_PAGES.deputyInbox}`;
export const STAFF_CODES_URL = `/${SUBPACKAGE_PAGES.staffCodes}`;
export const MY_BOOKINGS_URL = `/${PAGES.myBookings}`;
export const MESSAGES_URL = `/${PAGES.messages}`;
export const HOME_URL = `/${PAGES.home}`;
export const MY_DATA_URL = `/${SUBPACKAGE_PAGES.myData}`;
export const STAFF_ROSTER_URL = `/${SUBPACKAGE_PAGES.staffRoster}`;
export const STAFF_BIND_URL = `/${SUBPACKAGE_PAGES.staffBind}`;
export const STAFF_CASES_URL = `/${SUBPACKAGE_PAGES.staffCases}`;
export const STAFF_HOLIDAYS_URL = `/${SUBPACKAGE_PAGES.staffHolidays}`;
/** A department handler's cases (承办工作台). */
export const STAFF_ASSIGNED_URL = `/${SUBPACKAGE_PAGES.staffAssigned}`;
export const STAFF_STATS_URL = `/${SUBPACKAGE_PAGES.staffStats}`;
export const STAFF_DIRECTORY_URL = `/${SUBPACKAGE_PAGES.staffDirectory}`;
export const STAFF_DUTY_WORK_URL = `/${SUBPACKAGE_PAGES.staffDutyWork}`;
export const STAFF_DUTY_GROUP_URL = `/${SUBPACKAGE_PAGES.staffDutyGroup}`;
export const STAFF_DUTY_REVIEWS_URL = `/${SUBPACKAGE_PAGES.staffDutyReviews}`;
export const STAFF_DUTY_RULES_URL = `/${SUBPACKAGE_PAGES.staffDutyRules}`;

export function withQuery(page: string, query: Record<string, string>): string {
  const pairs = Object.entries(query).map(([key, value]) => `${key}=${encodeURIComponent(value)}`);
  return pairs.length > 0 ? `/${page}?${pairs.join('&')}` : `/${page}`;
}

export function stationUrl(stationId: string): string {
  return withQuery(PAGES.station, { stationId });
}

/** 公开数据 of an area, a station or a deputy (the figures subpackage). */
export function figuresUrl(place: { areaId: string } | { stationId: string } | { deputyId: string }): string {
  return withQuery(SUBPACKAGE_PAGES.figures, { ...place });
}

/** 民生实事项目票决 of the areas a station belongs to (its township's, district's and city's rounds). */
export function projectRoundsUrl(place: { stationId: string } | { areaId: string }): string {
  return withQuery(SUBPACKAGE_PAGES.projectRounds, { ...place });
}

export function deputyUrl(deputyId: string): string {
  return withQuery(PAGES.deputy, { deputyId });
}

/** The page a scanned code's destination opens. */
export function destinationUrl(destination: { kind: SceneKind; id: string }): string {
  return destination.kind === 'deputy' ? deputyUrl(destination.id) : stationUrl(destination.id);
}

/** Whom an opinion is written to, and the name the form shows without asking the network. */
export interface OpinionTargetRef {
  kind: SceneKind;
  id: string;
  name: string;
}

export function opinionNewUrl(target: OpinionTargetRef): string {
  const idKey = target.kind === 'deputy' ? 'deputyId' : 'stationId';
  return withQuery(PAGES.opinionNew, { [idKey]: target.id, name: target.name });
}

export function opinionUrl(opinionId: string): string {
  return withQuery(PAGES.opinion, { opinionId });
}

/** A station's reception days; from a deputy's page, the days that deputy is on duty stand out. */
export function bookingDaysUrl(stationId: string, deputyId?: string): string {
  return withQuery(PAGES.bookingDays, deputyId ? { stationId, deputyId } : { stationId });
}

/** The booking form for one slot; a full slot's form queues the resident for it. */
export function bookingNewUrl(slot: { dayId: string; slotId: string }): string {
  return withQuery(PAGES.bookingNew, { dayId: slot.dayId, slotId: slot.slotId });
}

export function deputyOpinionUrl(opinionId: string): string {
  return withQuery(SUBPACKAGE_PAGES.deputyOpinion, { opinionId });
}

/**
 * The URL to open for a page path carried by one of our mini-program codes
 * (`pages/scan/index?scene=d%3DD001`, `pages/station/index?stationId=…`), or null when it is
 * not a page of ours.
 */
export function urlForPagePath(pagePath: string): string | null {
  const normalized = pagePath.trim().replace(/^\/+/, '');
  const page = normalized.split('?')[0] ?? '';
  return KNOWN_PAGES.has(page) ? `/${normalized}` : null;
}

/** A deputy's 述职评议 report in a period (residents rate it; staff and the deputy see the tally). */
export function dutyReportUrl(reviewId: string, deputyId: string): string {
  return withQuery(SUBPACKAGE_PAGES.dutyReport, { reviewId, deputyId });
}
