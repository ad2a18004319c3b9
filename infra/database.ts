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

const asc = (...fields: string[]): IndexKey[] => fields.map((field) => ({ field, direction: 1 }));

export const DATABASE: readonly CollectionSpec[] = [
  {
    name: COLLECTIONS.areas,
    indexes: [
      { name: 'parentId_1', keys: asc('parentId') },
      // An area's subtree: the areas whose path holds it (admin.listStaff).
      { name: 'path_1', keys: asc('path') },
    ],
    rule: DENY_ALL_CLIENTS,
  },
  {
    name: COLLECTIONS.stations,
    indexes: [
      { name: 'code_1', keys: asc('code'), unique: true },
      { name: 'areaPath_1', keys: asc('areaPath') },
      { name: 'active_1', keys: asc('active') },
      // The grid cells a station lies in (shared/domain/geo.ts): the stations near a phone (directory.nearestStations).
      { name: 'geoCells_1', keys: asc('geoCells') },
    ],
    rule: DENY_ALL_CLIENTS,
  },
  {
    name: COLLECTIONS.deputies,
    indexes: [
      { name: 'code_1', keys: asc('code'), unique: true },
      { name: 'stationIds_1', keys: asc('stationIds') },
      { name: 'name_1', keys: asc('name') },
      // The active deputies of a level (票决's voters; the duty record's staff lists).
      { name: 'active_1_level_1', keys: asc('active', 'level') },
    ],
    rule: DENY_ALL_CLIENTS,
  },
  {
    name: COLLECTIONS.accounts,
    indexes: [
      // Finds the WeChat account bound to a deputy (rebinding, unbinding, renaming).
      { name: 'deputy_deputyId_1', keys: asc('deputy.deputyId') },
      // A department's handlers, to notify when a case is urged (督办).
      { name: 'staff_departmentId_1', keys: asc('staff.departmentId') },
      // Staff accounts of an area's subtree (admin.listStaff).
      { name: 'staff_areaId_1', keys: asc('staff.areaId') },
    ],
    rule: DENY_ALL_CLIENTS,
  },
  {
    name: COLLECTIONS.receptionDays,
    indexes: [
      // One day per station and date: generating the schedule twice adds nothing.
      { name: 'stationId_1_date_1', keys: asc('stationId', 'date'), unique: true },
      // Statistics: an area's or a deputy's reception days in a date range (进站人次, 接待人次).
      { name: 'areaPath_1_date_1', keys: asc('areaPath', 'date') },
      { name: 'deputyIds_1_date_1', keys: asc('deputyIds', 'date') },
    ],
    rule: DENY_ALL_CLIENTS,
  },
  {
    // A station's reception rule, _id = stationId; absent means the default (每月15日).
    name: COLLECTIONS.receptionRules,
    indexes: [{ name: 'checkInToken_1', keys: asc('checkInToken'), unique: true }],
    rule: DENY_ALL_CLIENTS,
  },
  {
    name: COLLECTIONS.opinions,
    indexes: [
      { name: 'trackingNo_1', keys: asc('trackingNo'), unique: true },
      // A resident's opinions, newest first: 我的意见, the rate limit and retried submits.
      { name: 'authorOpenid_1_createdAt_-1', keys: [...asc('authorOpenid'), { field: 'createdAt', direction: -1 }] },
      { name: 'deputyId_1', keys: asc('deputyId') },
      { name: 'stationId_1', keys: asc('stationId') },
      // Case handling: staff work queues and statistics of an area's subtree by date.
      { name: 'areaPath_1_createdAt_1', keys: asc('areaPath', 'createdAt') },
      { name: 'areaPath_1_status_1', keys: asc('areaPath', 'status') },
      // A department's cases (every round) and those it still has to answer.
      { name: 'departmentIds_1', keys: asc('departmentIds') },
      { name: 'pendingDepartmentIds_1', keys: asc('pendingDepartmentIds') },
      // Overdue lists; the daily timer closing cases nobody rated in time.
      { name: 'deadline_dueAt_1', keys: asc('deadline.dueAt') },
      { name: 'status_1_ratingDueAt_1', keys: asc('status', 'ratingDueAt') },
      // The hourly timer asking the 回访 of cases closed followUpDays ago.
      { name: 'followUpDueAt_1', keys: asc('followUpDueAt') },
      // The timer recounting deadlines once the holidays of their year are recorded.
      { name: 'deadline_provisional_1', keys: asc('deadline.provisional') },
      // A deputy's statistics: what they answered or forwarded.
      { name: 'reply_deputyId_1', keys: asc('reply.deputyId') },
      { name: 'forward_deputyId_1', keys: asc('forward.deputyId') },
      // Content safety: a photo's asynchronous verdict finds its opinion; staff review queues by area.
      { name: 'moderation_photos_traceId_1', keys: asc('moderation.photos.traceId') },
      { name: 'moderation_awaitingReview_1_areaPath_1', keys: asc('moderation.awaitingReview', 'areaPath') },
      // Statistics counters: cases a write marked and nobody settled yet, and cases whose deadline passed since they were counted.
      { name: 'countsStale_1', keys: asc('countsStale') },
      { name: 'countedOverdueAt_1', keys: asc('countedOverdueAt') },
    ],
    rule: DENY_ALL_CLIENTS,
  },
  {
    name: COLLECTIONS.counters,
    indexes: [],
    rule: DENY_ALL_CLIENTS,
  },
  {
    // Case figures per place and month (shared/domain/caseCounters.ts), _id = "<place>|<YYYY-MM>"; read by _id only.
    name: COLLECTIONS.caseCounters,
    indexes: [],
    rule: DENY_ALL_CLIENTS,
  },
  {
    // One per caller and rate-limit group, _id = "<group>:<caller>" (cloudfunctions/core/rateLimit.ts); read by _id only.
    name: COLLECTIONS.rateCounters,
    indexes: [],
    rule: DENY_ALL_CLIENTS,
  },
  {
    name: COLLECTIONS.bindingCodes,
    indexes: [
      { name: 'code_1', keys: asc('code'), unique: true },
      { name: 'deputyId_1', keys: asc('deputyId') },
    ],
    rule: DENY_ALL_CLIENTS,
  },
  {
    name: COLLECTIONS.bookings,
    indexes: [
      // `openid|dayId#epoch`, changed to the booking's own _id when the resident cancels: at most
      // one booking per resident per day (epoch: a restored cancelled day starts afresh), whatever
      // the concurrency.
      { name: 'activeKey_1', keys: asc('activeKey'), unique: true },
      { name: 'code_1', keys: asc('code'), unique: true },
      // 我的预约, newest first.
      { name: 'openid_1_date_-1', keys: [...asc('openid'), { field: 'date', direction: -1 }] },
      // A day's roster and its waitlist.
      { name: 'dayId_1', keys: asc('dayId') },
      // The daily timer: reminders for tomorrow, no-shows before today.
      { name: 'status_1_date_1', keys: asc('status', 'date') },
      { name: 'reminderRun_1', keys: asc('reminderRun') },
    ],
    rule: DENY_ALL_CLIENTS,
  },
  {
    // One record per visit, _id = `rr-<bookingId>`.
    name: COLLECTIONS.receptionRecords,
    indexes: [
      { name: 'dayId_1', keys: asc('dayId') },
      // A resident's records: their data export and the anonymisation when they delete their account.
      { name: 'visitorOpenid_1', keys: asc('visitorOpenid') },
    ],
    rule: DENY_ALL_CLIENTS,
  },
  {
    // 承办单位: the departments of an area cases are assigned to.
    name: COLLECTIONS.departments,
    indexes: [
      // A case may go to departments of its own area and the areas above it: areaId in the case's areaPath.
      { name: 'areaId_1', keys: asc('areaId') },
      // The departments of an area's subtree (the directory staff manage).
      { name: 'areaPath_1', keys: asc('areaPath') },
    ],
    rule: DENY_ALL_CLIENTS,
  },
  {
    // One-time staff binding codes; _id = the code.
    name: COLLECTIONS.staffCodes,
    indexes: [
      // The live codes of one person for one place, revoked when a new one is issued (admin.issueStaffCode).
      { name: 'scope_areaId_1_name_1', keys: asc('scope.areaId', 'name') },
    ],
    rule: DENY_ALL_CLIENTS,
  },
  {
    // Staff reads of residents' personal data (unmasked names and phones): who, when, what, about which case or day.
    name: COLLECTIONS.auditLog,
    indexes: [
      { name: 'areaPath_1_at_-1', keys: [...asc('areaPath'), { field: 'at', direction: -1 }] },
      { name: 'subjectId_1', keys: asc('subjectId') },
    ],
    rule: DENY_ALL_CLIENTS,
  },
  {
    // Holiday arrangements staff record for years the holiday package does not know; _id = `holidays-<year>`.
    name: COLLECTIONS.holidayYears,
    indexes: [
      // Every recorded year, in order (core/workingCalendar.ts).
      { name: 'year_1', keys: asc('year') },
    ],
    rule: DENY_ALL_CLIENTS,
  },
  {
    // The timers' claims: _id = `<job>:<Shanghai date>`, so a day's run happens once however often the trigger fires.
    name: COLLECTIONS.jobRuns,
    indexes: [],
    rule: DENY_ALL_CLIENTS,
  },
  {
    // Background exports (infra/documents/exportJobs.ts): a staff member's latest first; the queue, oldest first.
    name: COLLECTIONS.exportJobs,
    indexes: [
      { name: 'ownerOpenid_1_requestedAt_-1', keys: [...asc('ownerOpenid'), { field: 'requestedAt', direction: -1 }] },
      { name: 'status_1_requestedAt_1', keys: asc('status', 'requestedAt') },
    ],
    rule: DENY_ALL_CLIENTS,
  },
  {
    // 代表建议: drafts, submitted suggestions and their handling (infra/documents/suggestions.ts).
    name: COLLECTIONS.suggestions,
    indexes: [
      // A deputy's suggestions, latest first; the invitations and co-signatures of a deputy.
      { name: 'leadDeputyId_1_updatedAt_-1', keys: [...asc('leadDeputyId'), { field: 'updatedAt', direction: -1 }] },
      { name: 'coSignerIds_1', keys: asc('coSignerIds') },
      // Staff work queues of a congress's area; the figures and the export of a session.
      { name: 'areaPath_1_status_1', keys: asc('areaPath', 'status') },
      { name: 'sessionId_1_number_1', keys: asc('sessionId', 'number') },
      // A unit's suggestions: at work on now, and every one ever assigned; figures per unit.
      { name: 'activeUnitIds_1', keys: asc('activeUnitIds') },
      { name: 'unitIds_1', keys: asc('unitIds') },
      { name: 'leadDepartmentId_1', keys: asc('leadDepartmentId') },
      { name: 'assistUnitIds_1', keys: asc('assistUnitIds') },
      // The daily timer's reminders and the supervision list (overdue); deadlines counted blind.
      { name: 'deadline_dueAt_1', keys: asc('deadline.dueAt') },
      { name: 'deadline_provisional_1', keys: asc('deadline.provisional') },
    ],
    rule: DENY_ALL_CLIENTS,
  },
  {
    // The sessions (会议) of the congresses suggestions are submitted to; one congress per area.
    name: COLLECTIONS.suggestionSessions,
    indexes: [
      { name: 'areaPath_1', keys: asc('areaPath') },
      // The sessions open for submission today, for a deputy drafting a suggestion.
      { name: 'active_1_acceptsFrom_1', keys: asc('active', 'acceptsFrom') },
    ],
    rule: DENY_ALL_CLIENTS,
  },
  {
    // 民生实事项目票决 rounds (infra/documents/projects.ts): an area's rounds by year; staff scopes.
    name: COLLECTIONS.projectRounds,
    indexes: [
      { name: 'areaId_1_year_-1', keys: [...asc('areaId'), { field: 'year', direction: -1 }] },
      { name: 'areaPath_1', keys: asc('areaPath') },
      // Every area's rounds, latest year first (project.listRounds without an area).
      {
        name: 'year_-1_createdAt_-1',
        keys: [
          { field: 'year', direction: -1 },
          { field: 'createdAt', direction: -1 },
        ],
      },
    ],
    rule: DENY_ALL_CLIENTS,
  },
  {
    // Residents' proposals to a round; the moderation queue.
    name: COLLECTIONS.projectProposals,
    indexes: [
      { name: 'roundId_1_createdAt_1', keys: asc('roundId', 'createdAt') },
      { name: 'authorOpenid_1', keys: asc('authorOpenid') },
    ],
    rule: DENY_ALL_CLIENTS,
  },
  {
    // A round's candidates in number order; a unit's projects; figures per area.
    name: COLLECTIONS.projectCandidates,
    indexes: [
      { name: 'roundId_1_number_1', keys: asc('roundId', 'number') },
      { name: 'unitId_1', keys: asc('unitId') },
      { name: 'areaPath_1_chosen_1', keys: asc('areaPath', 'chosen') },
    ],
    rule: DENY_ALL_CLIENTS,
  },
  {
    // Residents' comments on a candidate during the comment period.
    name: COLLECTIONS.projectComments,
    indexes: [
      { name: 'candidateId_1_createdAt_1', keys: asc('candidateId', 'createdAt') },
      { name: 'authorOpenid_1', keys: asc('authorOpenid') },
    ],
    rule: DENY_ALL_CLIENTS,
  },
  {
    // Residents following a project (_id = `<candidateId>:<openid>`), told of its milestones.
    name: COLLECTIONS.projectFollows,
    indexes: [
      { name: 'candidateId_1', keys: asc('candidateId') },
      { name: 'openid_1', keys: asc('openid') },
    ],
    rule: DENY_ALL_CLIENTS,
  },
  {
    // One-time subscribe acceptances left, per resident and template (_id = `<openid>:<templateId>`).
    name: COLLECTIONS.subscriptionBudgets,
    // Erased with the resident's account (privacy.deleteAccount).
    indexes: [{ name: 'openid_1', keys: asc('openid') }],
    rule: DENY_ALL_CLIENTS,
  },
  {
    // News that waits in the app (我的消息): newest first, and the unread ones counted for the badge.
    name: COLLECTIONS.residentMessages,
    indexes: [
      { name: 'openid_1_createdAt_-1', keys: [...asc('openid'), { field: 'createdAt', direction: -1 }] },
      { name: 'openid_1_readAt_1', keys: asc('openid', 'readAt') },
    ],
    rule: DENY_ALL_CLIENTS,
  },
  {
    // The files of residents' data exports (privacy.exportMyData): deleted with the account (privacy.deleteAccount).
    name: COLLECTIONS.privacyExports,
    indexes: [{ name: 'openid_1', keys: asc('openid') }],
    rule: DENY_ALL_CLIENTS,
  },
  {
    // One ballot box per round (_id = the round's id): who voted and the shuffled, anonymous ballots.
    name: COLLECTIONS.projectBallotBoxes,
    indexes: [],
    rule: DENY_ALL_CLIENTS,
  },
  {
    // Staff console sign-in tickets (issue 16), _id = ticket id; short-lived, kept for the record.
    name: COLLECTIONS.consoleTickets,
    indexes: [],
    rule: DENY_ALL_CLIENTS,
  },
  {
    // Staff console sessions, _id = session id; a staff member's sessions, to list and end them.
    name: COLLECTIONS.consoleSessions,
    indexes: [{ name: 'openid_1_expiresAt_-1', keys: [...asc('openid'), { field: 'expiresAt', direction: -1 }] }],
    rule: DENY_ALL_CLIENTS,
  },
  {
    // 履职活动 outside the product (infra/documents/duty.ts): a deputy's own, or added by staff for a group.
    name: COLLECTIONS.dutyActivities,
    indexes: [
      { name: 'deputyIds_1_date_1', keys: asc('deputyIds', 'date') },
      { name: 'areaPath_1_status_1', keys: asc('areaPath', 'status') },
    ],
    rule: DENY_ALL_CLIENTS,
  },
  {
    // 错、重、漏: a deputy's contests of their record and staff's decisions.
    name: COLLECTIONS.dutyContests,
    indexes: [
      { name: 'deputyId_1_year_1', keys: asc('deputyId', 'year') },
      { name: 'areaPath_1_status_1', keys: asc('areaPath', 'status') },
    ],
    rule: DENY_ALL_CLIENTS,
  },
  {
    // Leave and absence of a deputy on a reception day's roster; _id = `<dayId>|<deputyId>`.
    name: COLLECTIONS.dutyAttendance,
    indexes: [
      { name: 'deputyId_1_date_1', keys: asc('deputyId', 'date') },
      // Leave awaiting staff in their area (duty.listPending).
      { name: 'areaPath_1_leave.status_1', keys: asc('areaPath', 'leave.status') },
    ],
    rule: DENY_ALL_CLIENTS,
  },
  {
    // Points rules versions and the area's settings; _id = `<areaId>|<effectiveFrom>` or `settings|<areaId>`.
    name: COLLECTIONS.dutyRules,
    indexes: [{ name: 'areaId_1', keys: asc('areaId') }],
    rule: DENY_ALL_CLIENTS,
  },
  {
    // 述职评议 periods opened by staff.
    name: COLLECTIONS.dutyReviews,
    indexes: [
      { name: 'deputyIds_1_opensOn_-1', keys: [...asc('deputyIds'), { field: 'opensOn', direction: -1 }] },
      { name: 'areaPath_1', keys: asc('areaPath') },
    ],
    rule: DENY_ALL_CLIENTS,
  },
  {
    // A deputy's report in a period; _id = `<reviewId>|<deputyId>`.
    name: COLLECTIONS.dutyReports,
    indexes: [{ name: 'reviewId_1', keys: asc('reviewId') }],
    rule: DENY_ALL_CLIENTS,
  },
  {
    // One rating per resident and report; _id derives from both, so a retry or a race cannot count twice.
    name: COLLECTIONS.dutyRatings,
    indexes: [
      { name: 'reportId_1_rating_1', keys: asc('reportId', 'rating') },
      // Comments held by content security, per period (duty.listHeldComments, duty.moderateComment).
      { name: 'reviewId_1_commentState_1', keys: asc('reviewId', 'commentState') },
      // A resident's ratings, for privacy.deleteAccount.
      { name: 'openid_1', keys: asc('openid') },
    ],
    rule: DENY_ALL_CLIENTS,
  },
  {
    // 亮分 as last published by the duty timer; _id = `<kind>|<id>`; joined by the directory's pages.
    name: COLLECTIONS.dutyPublished,
    indexes: [{ name: 'subjectId_1_kind_1', keys: asc('subjectId', 'kind') }],
    rule: DENY_ALL_CLIENTS,
  },
];
