/**
 * The one declaration of the cloud database: collections, their indexes and security rules.
 * Applied to the local runtime at start (runtime/database) and to a real CloudBase
 * environment by scripts/apply-database.ts. Cloud functions import collection names from here.
 */

export const COLLECTIONS = {
  areas: 'areas',
  stations: 'stations',
  deputies: 'deputies',
  accounts: 'accounts',
  receptionDays: 'reception_days',
  opinions: 'opinions',
  counters: 'counters',
  caseCounters: 'case_counters',
  visitCounters: 'visit_counters',
  rateCounters: 'rate_counters',
  bindingCodes: 'binding_codes',
  bookings: 'bookings',
  receptionRecords: 'reception_records',
  receptionRules: 'reception_rules',
  departments: 'departments',
  staffCodes: 'staff_codes',
  auditLog: 'audit_log',
  holidayYears: 'holiday_years',
  jobRuns: 'job_runs',
  exportJobs: 'export_jobs',
  suggestions: 'suggestions',
  suggestionSessions: 'suggestion_sessions',
  projectRounds: 'project_rounds',
  projectProposals: 'project_proposals',
  projectCandidates: 'project_candidates',
  projectComments: 'project_comments',
  projectFollows: 'project_follows',
  projectBallotBoxes: 'project_ballot_boxes',
  consoleTickets: 'console_tickets',
  consoleSessions: 'console_sessions',
  dutyActivities: 'duty_activities',
  dutyContests: 'duty_contests',
  dutyAttendance: 'duty_attendance',
  dutyRules: 'duty_rules',
  dutyReviews: 'duty_reviews',
  dutyReports: 'duty_reports',
  dutyRatings: 'duty_ratings',
  dutyPublished: 'duty_published',
  subscriptionBudgets: 'subscription_budgets',
  residentMessages: 'resident_messages',
  privacyExports: 'privacy_exports',
} as const;

export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS];

export interface IndexKey {
  field: string;
  /** Ascending, descending, or a geospatial index over GeoJSON (what `geoNear`/`nearSphere` need). */
  direction: 1 | -1 | '2dsphere';
}

export interface IndexSpec {
  /** Stable name, as CloudBase shows it in the console. */
  name: string;
  keys: IndexKey[];
  unique?: boolean;
}

/**
 * CloudBase "custom" security rule. Clients never touch the database directly:
 * every read and write goes through a cloud function, which uses admin rights.
 */
export interface SecurityRule {
  read: boolean;
  write: boolean;
}

export interface CollectionSpec {
  name: string;
  indexes: IndexSpec[];
  rule: SecurityRule;
}

const DENY_ALL_CLIENTS: SecurityRule = { read: false, write: false };

type KeyPart = string | IndexKey;

/** A descending key; a bare field name in an index is ascending. */
export const desc = (field: string): IndexKey => ({ field, direction: -1 });

/**
 * An index over the fields in order, named as the console names it: each field (dots as underscores)
 * and its direction, `areaPath_1_createdAt_-1`.
 */
export const index = (...parts: KeyPart[]): IndexSpec => {
  const keys = parts.map((part): IndexKey => (typeof part === 'string' ? { field: part, direction: 1 } : part));
  return { name: keys.map(({ field, direction }) => `${field.replace(/\./g, '_')}_${direction}`).join('_'), keys };
};

/** An index no two documents share a value of. */
const unique = (...parts: KeyPart[]): IndexSpec => ({ ...index(...parts), unique: true });

/** Every collection is closed to clients (see SecurityRule). */
const collection = (name: CollectionName, indexes: IndexSpec[] = []): CollectionSpec => ({
  name,
  indexes,
  rule: DENY_ALL_CLIENTS,
});

export const DATABASE: readonly CollectionSpec[] = [
  collection(COLLECTIONS.areas, [
    index('parentId'),
    // An area's subtree: the areas whose path holds it (admin.listStaff).
    index('path'),
  ]),
  collection(COLLECTIONS.stations, [
    unique('code'),
    index('areaPath'),
    index('active'),
    // Where a station stands, GeoJSON (infra/documents/stationPosition.ts): the stations nearest a phone (directory.nearestStations).
    index({ field: 'position', direction: '2dsphere' }),
  ]),
  collection(COLLECTIONS.deputies, [
    unique('code'),
    index('stationIds'),
    index('name'),
    // The active deputies of a level (票决's voters; the duty record's staff lists).
    index('active', 'level'),
  ]),
  collection(COLLECTIONS.accounts, [
    // Finds the WeChat account bound to a deputy (rebinding, unbinding, renaming).
    index('deputy.deputyId'),
    // A department's handlers, to notify when a case is urged (督办).
    index('staff.departmentId'),
    // Staff accounts of an area's subtree (admin.listStaff).
    index('staff.areaId'),
  ]),
  collection(COLLECTIONS.receptionDays, [
    // One day per station and date: generating the schedule twice adds nothing.
    unique('stationId', 'date'),
    // Statistics: an area's or a deputy's reception days in a date range (进站人次, 接待人次).
    index('areaPath', 'date'),
    index('deputyIds', 'date'),
    // Days a visit write marked and nobody settled (core/visitCounters.ts): the booking timer settles them.
    index('visitsStale'),
  ]),
  // A station's reception rule, _id = stationId; absent means the default (每月15日).
  collection(COLLECTIONS.receptionRules, [unique('checkInToken')]),
  collection(COLLECTIONS.opinions, [
    unique('trackingNo'),
    // A resident's opinions, newest first: 我的意见, the rate limit and retried submits.
    index('authorOpenid', desc('createdAt')),
    index('deputyId'),
    index('stationId'),
    // Case handling: staff work queues and statistics of an area's subtree by date.
    index('areaPath', 'createdAt'),
    index('areaPath', 'status'),
    // A department's cases (every round) and those it still has to answer.
    index('departmentIds'),
    index('pendingDepartmentIds'),
    // Overdue lists; the daily timer closing cases nobody rated in time.
    index('deadline.dueAt'),
    index('status', 'ratingDueAt'),
    // The hourly timer asking the 回访 of cases closed followUpDays ago.
    index('followUpDueAt'),
    // The timer recounting deadlines once the holidays of their year are recorded.
    index('deadline.provisional'),
    // A deputy's statistics: what they answered or forwarded.
    index('reply.deputyId'),
    index('forward.deputyId'),
    // Content safety: a photo's asynchronous verdict finds its opinion; staff review queues by area.
    index('moderation.photos.traceId'),
    index('moderation.awaitingReview', 'areaPath'),
    // Statistics counters: cases a write marked and nobody settled yet, and cases whose deadline passed since they were counted.
    index('countsStale'),
    index('countedOverdueAt'),
    // 退回待改派: the few cases a department sent back, not the area's every case (a city admin's area holds 300,000).
    index('referralOpen'),
  ]),
  collection(COLLECTIONS.counters),
  // Case figures per place and month (shared/domain/caseCounters.ts), _id = "<place>|<YYYY-MM>"; read by _id only.
  collection(COLLECTIONS.caseCounters),
  // 进站 and 接待 per place and month (cloudfunctions/core/visitCounts.ts), _id = "<place>|<YYYY-MM>"; read by _id only.
  collection(COLLECTIONS.visitCounters),
  // One per caller and rate-limit group, _id = "<group>:<caller>" (cloudfunctions/core/rateLimit.ts); read by _id only.
  collection(COLLECTIONS.rateCounters),
  collection(COLLECTIONS.bindingCodes, [unique('code'), index('deputyId')]),
  collection(COLLECTIONS.bookings, [
    // `openid|dayId#epoch`, changed to the booking's own _id when the resident cancels: at most
    // one booking per resident per day (epoch: a restored cancelled day starts afresh), whatever
    // the concurrency.
    unique('activeKey'),
    unique('code'),
    // 我的预约, newest first.
    index('openid', desc('date')),
    // A day's roster and its waitlist.
    index('dayId'),
    // The daily timer: reminders for tomorrow, no-shows before today.
    index('status', 'date'),
    index('reminderRun'),
  ]),
  // One record per visit, _id = `rr-<bookingId>`.
  collection(COLLECTIONS.receptionRecords, [
    index('dayId'),
    // A resident's records: their data export and the anonymisation when they delete their account.
    index('visitorOpenid'),
  ]),
  // 承办单位: the departments of an area cases are assigned to.
  collection(COLLECTIONS.departments, [
    // A case may go to departments of its own area and the areas above it: areaId in the case's areaPath.
    index('areaId'),
    // The departments of an area's subtree (the directory staff manage).
    index('areaPath'),
  ]),
  // One-time staff binding codes; _id = the code.
  collection(COLLECTIONS.staffCodes, [
    // The live codes of one person for one place, revoked when a new one is issued (admin.issueStaffCode).
    index('scope.areaId', 'name'),
  ]),
  // Staff reads of residents' personal data (unmasked names and phones): who, when, what, about which case or day.
  collection(COLLECTIONS.auditLog, [index('areaPath', desc('at')), index('subjectId')]),
  // Holiday arrangements staff record for years the holiday package does not know; _id = `holidays-<year>`.
  collection(COLLECTIONS.holidayYears, [
    // Every recorded year, in order (core/workingCalendar.ts).
    index('year'),
  ]),
  // The timers' claims: _id = `<job>:<Shanghai date>`, so a day's run happens once however often the trigger fires.
  collection(COLLECTIONS.jobRuns),
  // Background exports (infra/documents/exportJobs.ts): a staff member's latest first; the queue, oldest first.
  collection(COLLECTIONS.exportJobs, [index('ownerOpenid', desc('requestedAt')), index('status', 'requestedAt')]),
  // 代表建议: drafts, submitted suggestions and their handling (infra/documents/suggestions.ts).
  collection(COLLECTIONS.suggestions, [
    // A deputy's suggestions, latest first; the invitations and co-signatures of a deputy.
    index('leadDeputyId', desc('updatedAt')),
    index('coSignerIds'),
    // Staff work queues of a congress's area; the figures and the export of a session.
    index('areaPath', 'status'),
    index('sessionId', 'number'),
    // A unit's suggestions: at work on now, and every one ever assigned; figures per unit.
    index('activeUnitIds'),
    index('unitIds'),
    index('leadDepartmentId'),
    index('assistUnitIds'),
    // The daily timer's reminders and the supervision list (overdue); deadlines counted blind.
    index('deadline.dueAt'),
    index('deadline.provisional'),
  ]),
  // The sessions (会议) of the congresses suggestions are submitted to; one congress per area.
  collection(COLLECTIONS.suggestionSessions, [
    index('areaPath'),
    // The sessions open for submission today, for a deputy drafting a suggestion.
    index('active', 'acceptsFrom'),
  ]),
  // 民生实事项目票决 rounds (infra/documents/projects.ts): an area's rounds by year; staff scopes.
  collection(COLLECTIONS.projectRounds, [
    index('areaId', desc('year')),
    index('areaPath'),
    // Every area's rounds, latest year first (project.listRounds without an area).
    index(desc('year'), desc('createdAt')),
  ]),
  // Residents' proposals to a round; the moderation queue.
  collection(COLLECTIONS.projectProposals, [index('roundId', 'createdAt'), index('authorOpenid')]),
  // A round's candidates in number order; a unit's projects; figures per area.
  collection(COLLECTIONS.projectCandidates, [index('roundId', 'number'), index('unitId'), index('areaPath', 'chosen')]),
  // Residents' comments on a candidate during the comment period.
  collection(COLLECTIONS.projectComments, [index('candidateId', 'createdAt'), index('authorOpenid')]),
  // Residents following a project (_id = `<candidateId>:<openid>`), told of its milestones.
  collection(COLLECTIONS.projectFollows, [index('candidateId'), index('openid')]),
  // One-time subscribe acceptances left, per resident and template (_id = `<openid>:<templateId>`).
  collection(COLLECTIONS.subscriptionBudgets, [
    // Erased with the resident's account (privacy.deleteAccount).
    index('openid'),
  ]),
  // News that waits in the app (我的消息): newest first, and the unread ones counted for the badge.
  collection(COLLECTIONS.residentMessages, [index('openid', desc('createdAt')), index('openid', 'readAt')]),
  // The files of residents' data exports (privacy.exportMyData): deleted with the account (privacy.deleteAccount).
  collection(COLLECTIONS.privacyExports, [index('openid')]),
  // One ballot box per round (_id = the round's id): who voted and the shuffled, anonymous ballots.
  collection(COLLECTIONS.projectBallotBoxes),
  // Staff console sign-in tickets (issue 16), _id = ticket id; short-lived, kept for the record.
  collection(COLLECTIONS.consoleTickets),
  // Staff console sessions, _id = session id; a staff member's sessions, to list and end them.
  collection(COLLECTIONS.consoleSessions, [index('openid', desc('expiresAt'))]),
  // 履职活动 outside the product (infra/documents/duty.ts): a deputy's own, or added by staff for a group.
  collection(COLLECTIONS.dutyActivities, [index('deputyIds', 'date'), index('areaPath', 'status')]),
  // 错、重、漏: a deputy's contests of their record and staff's decisions.
  collection(COLLECTIONS.dutyContests, [index('deputyId', 'year'), index('areaPath', 'status')]),
  // Leave and absence of a deputy on a reception day's roster; _id = `<dayId>|<deputyId>`.
  collection(COLLECTIONS.dutyAttendance, [
    index('deputyId', 'date'),
    // Leave awaiting staff in their area (duty.listPending).
    // Named with its dot before names were derived; the console knows it by this name.
    { ...index('areaPath', 'leave.status'), name: 'areaPath_1_leave.status_1' },
  ]),
  // Points rules versions and the area's settings; _id = `<areaId>|<effectiveFrom>` or `settings|<areaId>`.
  collection(COLLECTIONS.dutyRules, [index('areaId')]),
  // 述职评议 periods opened by staff.
  collection(COLLECTIONS.dutyReviews, [index('deputyIds', desc('opensOn')), index('areaPath')]),
  // A deputy's report in a period; _id = `<reviewId>|<deputyId>`.
  collection(COLLECTIONS.dutyReports, [index('reviewId')]),
  // One rating per resident and report; _id derives from both, so a retry or a race cannot count twice.
  collection(COLLECTIONS.dutyRatings, [
    index('reportId', 'rating'),
    // Comments held by content security, per period (duty.listHeldComments, duty.moderateComment).
    index('reviewId', 'commentState'),
    // A resident's ratings, for privacy.deleteAccount.
    index('openid'),
  ]),
  // 亮分 as last published by the duty timer; _id = `<kind>|<id>`; joined by the directory's pages.
  collection(COLLECTIONS.dutyPublished, [index('subjectId', 'kind')]),
];
