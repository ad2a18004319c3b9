import type { ActionName } from '../../miniprogram/shared/contract';
import type { ErrorCode } from '../../miniprogram/shared/errors';

/**
 * The authorization matrix: every action of the contract × every kind of caller → what they get.
 * The data behind each action is a case at 南湖街道联络站 (st-nanhu, 江南区), submitted by `owner`.
 *
 * - `ok`: allowed, the call succeeds.
 * - `sees` / `blind`: allowed, and the answer does / does not mention the owner's object anywhere
 *   (lists: every page is read), so a list never leaks what a caller may not open.
 * - an error code: refused with exactly that code (or, for the few cells that are allowed but meet
 *   a business rule, that rule's code — noted beside the row).
 *
 * test/security/matrix.test.ts runs every cell; it fails when an action of the contract has no row.
 */
export const CALLERS = [
  'anonymous',
  'owner',
  'otherResident',
  'deputyHere',
  'deputyElsewhere',
  'stationStaffIn',
  'stationStaffOut',
  'areaStaffIn',
  'areaStaffOut',
  'handlerHere',
  'handlerOther',
  'admin',
] as const;

export type CallerKind = (typeof CALLERS)[number];
export type Outcome = 'ok' | 'sees' | 'blind' | ErrorCode;
export type Row = Record<CallerKind, Outcome>;

export const CALLER_DESCRIPTIONS: Record<CallerKind, string> = {
  anonymous: 'no WeChat identity',
  owner: 'the resident who owns the data (author of the opinion, holder of the booking)',
  otherResident: 'another resident',
  deputyHere: 'a deputy of this station (刘德明 dp-005, bound with a code)',
  deputyElsewhere: 'a deputy of another station (赵红梅 dp-006, 青石镇)',
  stationStaffIn: 'station staff of st-nanhu (bound with a staff code)',
  stationStaffOut: 'station staff of another station (demo-staff-beishan)',
  areaStaffIn: 'area staff over the station (demo-staff-jiangnan, 江南区)',
  areaStaffOut: 'area staff of another area (江北区, bound with a staff code)',
  handlerHere: 'a handler of the department the case is assigned to (江南区住建局)',
  handlerOther: 'a handler of another department (江南区民政局)',
  admin: 'an administrator (demo-staff-city, 临江市)',
};

const REQUIRED = 'AUTH.REQUIRED';
const FORBIDDEN = 'AUTH.FORBIDDEN';

/** Every caller gets `outcome`, except those named. */
function all(outcome: Outcome, except: Partial<Row> = {}): Row {
  const row = {} as Row;
  for (const caller of CALLERS) row[caller] = except[caller] ?? outcome;
  return row;
}

const STAFF_OUT_OF_SCOPE = { stationStaffOut: 'ADMIN.OUT_OF_SCOPE', areaStaffOut: 'ADMIN.OUT_OF_SCOPE' } as const;
/** Congress staff only, in scope; every other signed-in caller is refused. */
const congressStaff = (outOfScope: Partial<Row>, inScope: Outcome = 'ok'): Row =>
  all(FORBIDDEN, { anonymous: REQUIRED, stationStaffIn: inScope, areaStaffIn: inScope, admin: inScope, ...outOfScope });
/** Staff with a place (area or admin) in scope; station staff cover no area. */
const areaStaff = (outOfScope: Partial<Row>): Row => all(FORBIDDEN, { anonymous: REQUIRED, areaStaffIn: 'ok', admin: 'ok', ...outOfScope });
/** Every staff account, department handlers included. */
const anyStaff = (): Row =>
  all(FORBIDDEN, { anonymous: REQUIRED, stationStaffIn: 'ok', stationStaffOut: 'ok', areaStaffIn: 'ok', areaStaffOut: 'ok', handlerHere: 'ok', handlerOther: 'ok', admin: 'ok' });
const adminOnly = (): Row => all(FORBIDDEN, { anonymous: REQUIRED, admin: 'ok' });
const signedIn = (outcome: Outcome, except: Partial<Row> = {}): Row => all(outcome, { anonymous: REQUIRED, ...except });
const caseStaff = (): Row => congressStaff({ stationStaffOut: 'CASE.NOT_FOUND', areaStaffOut: 'CASE.NOT_FOUND' });
const VISIT_OUT_OF_REACH = { stationStaffOut: 'COMMON.NOT_FOUND', areaStaffOut: 'COMMON.NOT_FOUND', deputyElsewhere: 'COMMON.NOT_FOUND' } as const;
const bookingStaff = (): Row => congressStaff({ stationStaffOut: FORBIDDEN, areaStaffOut: FORBIDDEN });
const deputyOfCase = (): Row => all(FORBIDDEN, { anonymous: REQUIRED, deputyHere: 'ok', deputyElsewhere: 'OPINION.NOT_FOUND' });
/** 代表建议: deputies only (the lead deputyHere, deputyElsewhere of the same congress). */
const deputies = (here: Outcome, elsewhere: Outcome): Row => all(FORBIDDEN, { anonymous: REQUIRED, deputyHere: here, deputyElsewhere: elsewhere });
/** Congress staff of a congress's area (area staff, administrators); station staff work no congress's suggestions. */
const cityStaff = (outOfScope: Partial<Row>, inScope: Outcome = 'ok'): Row => all(FORBIDDEN, { anonymous: REQUIRED, admin: inScope, ...outOfScope });
const SUGGESTION_ELSEWHERE = { areaStaffIn: 'SUGGESTION.NOT_FOUND', areaStaffOut: 'SUGGESTION.NOT_FOUND' } as const;
const SESSION_ELSEWHERE = { areaStaffIn: 'ADMIN.OUT_OF_SCOPE', areaStaffOut: 'ADMIN.OUT_OF_SCOPE' } as const;
/** The unit it is assigned to; another unit finds nothing. */
const units = (): Row => all(FORBIDDEN, { anonymous: REQUIRED, handlerHere: 'ok', handlerOther: 'SUGGESTION.NOT_FOUND' });

/** 代表履职 (issue 13): the deputy's own record (dp-005, deputyHere) and congress staff covering 南湖 station. */
const OF_DEPUTY_ELSEWHERE = { stationStaffOut: 'DUTY.DEPUTY_NOT_FOUND', areaStaffOut: 'DUTY.DEPUTY_NOT_FOUND' } as const;
const dutyStaff = (outOfScope: Partial<Row>): Row => congressStaff(outOfScope);
const ownRecord = (elsewhere: Outcome): Row => ({ ...congressStaff(OF_DEPUTY_ELSEWHERE), deputyHere: 'ok', deputyElsewhere: elsewhere });
const dutyArea = (): Row => areaStaff({ areaStaffOut: 'ADMIN.OUT_OF_SCOPE' });
const reviewStaff = (): Row => areaStaff({ stationStaffIn: 'DUTY.REVIEW_NOT_FOUND', stationStaffOut: 'DUTY.REVIEW_NOT_FOUND', areaStaffOut: 'DUTY.REVIEW_NOT_FOUND' });

export const MATRIX: Record<ActionName, Row> = {
  'account.getProfile': signedIn('ok'),
  'account.updatePreferences': signedIn('ok'),
  // The code is the capability: anyone signed in may try one; an unknown code opens nothing.
  'account.bindDeputy': signedIn('BINDING.INVALID'),
  'account.bindStaff': signedIn('BINDING.INVALID'),
  'account.grantSubscriptions': signedIn('ok'),
  'account.listMessages': signedIn('ok'),
  'account.countUnread': signedIn('ok'),
  'account.readMessages': signedIn('ok'),

  'directory.listAreas': all('ok'),
  'directory.listStations': all('ok'),
  'directory.stationsScreen': all('ok'),
  'directory.getStation': all('ok'),
  'directory.getDeputy': all('ok'),
  'directory.resolveScene': all('ok'),
  'directory.searchDeputies': all('ok'),
  'directory.nearestStations': all('ok'),

  'opinion.submit': signedIn('ok'),
  'opinion.listMine': signedIn('blind', { owner: 'sees' }),
  'opinion.getMine': signedIn('OPINION.NOT_FOUND', { owner: 'ok' }),
  'opinion.inbox': all(FORBIDDEN, { anonymous: REQUIRED, deputyHere: 'sees', deputyElsewhere: 'blind' }),
  'opinion.getForDeputy': deputyOfCase(),
  'opinion.reply': deputyOfCase(),
  'opinion.forward': deputyOfCase(),
  'opinion.rate': signedIn('OPINION.NOT_FOUND', { owner: 'ok' }),
  // 回访 (issue 17): the owner's closed case, asked; anyone else finds nothing.
  'opinion.answerFollowUp': signedIn('OPINION.NOT_FOUND', { owner: 'ok' }),

  'admin.saveStation': congressStaff(STAFF_OUT_OF_SCOPE),
  'admin.saveDeputy': congressStaff(STAFF_OUT_OF_SCOPE),
  'admin.issueBindingCode': congressStaff(STAFF_OUT_OF_SCOPE),
  'admin.revokeBindingCode': congressStaff(STAFF_OUT_OF_SCOPE),
  'admin.unbindDeputy': congressStaff(STAFF_OUT_OF_SCOPE),
  'admin.createQrCode': congressStaff(STAFF_OUT_OF_SCOPE),
  'admin.saveDepartment': areaStaff({ stationStaffIn: 'ADMIN.OUT_OF_SCOPE', stationStaffOut: 'ADMIN.OUT_OF_SCOPE', areaStaffOut: 'ADMIN.OUT_OF_SCOPE' }),
  'admin.listDepartments': areaStaff({ stationStaffIn: 'ADMIN.OUT_OF_SCOPE', stationStaffOut: 'ADMIN.OUT_OF_SCOPE', areaStaffOut: 'ADMIN.OUT_OF_SCOPE' }),
  'admin.issueStaffCode': adminOnly(),
  'admin.listStaff': adminOnly(),
  'admin.removeStaff': adminOnly(),
  // Every congress staff member reads the holiday calendar; only administrators record it.
  'admin.listHolidayYears': all(FORBIDDEN, { anonymous: REQUIRED, stationStaffIn: 'ok', stationStaffOut: 'ok', areaStaffIn: 'ok', areaStaffOut: 'ok', admin: 'ok' }),
  'admin.saveHolidayYear': adminOnly(),
  // A preview only: every congress staff member may check a workbook; rows outside their scope come back as row errors.
  'admin.importDirectory': congressStaff({ stationStaffOut: 'ok', areaStaffOut: 'ok' }),
  'admin.exportDirectory': congressStaff({ stationStaffOut: 'ok', areaStaffOut: 'ok' }),
  'admin.printPosters': congressStaff(STAFF_OUT_OF_SCOPE),

  'booking.listDays': all('ok'),
  'booking.getDay': all('ok'),
  'booking.book': signedIn('ok'),
  'booking.joinWaitlist': signedIn('ok'),
  'booking.cancel': signedIn('COMMON.NOT_FOUND', { owner: 'ok' }),
  'booking.listMine': signedIn('blind', { owner: 'sees' }),
  // The owner's booking at 青石镇 is on a later day: allowed, and told so; nobody else has one there.
  'booking.checkIn': signedIn('BOOKING.NO_BOOKING_HERE', { owner: 'BOOKING.WRONG_DAY' }),
  'booking.getRule': bookingStaff(),
  'booking.saveRule': bookingStaff(),
  'booking.addDay': bookingStaff(),
  'booking.cancelDay': bookingStaff(),
  'booking.setRoster': bookingStaff(),
  'booking.getCheckInQr': bookingStaff(),
  'booking.getRoster': bookingStaff(),
  'booking.listStationDays': bookingStaff(),
  'booking.scheduleScreen': bookingStaff(),
  // A walk-in of today, checked in again: staff in scope get the entry; a code of another station is
  // answered like an unknown code.
  'booking.staffCheckIn': congressStaff({ stationStaffOut: 'BOOKING.CODE_NOT_FOUND', areaStaffOut: 'BOOKING.CODE_NOT_FOUND' }),
  'booking.addWalkIn': bookingStaff(),
  // Staff in scope, or a deputy on that day's roster (dp-005 is on it); staff and deputies out of
  // reach are answered as for a missing visit.
  'booking.getRecord': {
    ...bookingStaff(),
    ...VISIT_OUT_OF_REACH,
    deputyHere: 'ok',
  },
  'booking.recordReception': {
    ...bookingStaff(),
    ...VISIT_OUT_OF_REACH,
    deputyHere: 'ok',
  },

  'casework.list': congressStaff({ stationStaffOut: 'blind', areaStaffOut: 'blind' }, 'sees'),
  'casework.listAssigned': all(FORBIDDEN, { anonymous: REQUIRED, handlerHere: 'sees', handlerOther: 'blind' }),
  'casework.get': {
    ...caseStaff(),
    handlerHere: 'ok',
    handlerOther: 'CASE.NOT_FOUND',
  },
  'casework.accept': caseStaff(),
  'casework.assign': caseStaff(),
  'casework.answer': all(FORBIDDEN, { anonymous: REQUIRED, handlerHere: 'ok', handlerOther: 'CASE.NOT_FOUND' }),
  'casework.review': caseStaff(),
  'casework.urge': caseStaff(),
  // 退回 and 改派 (issue 14): the department's handler sends it back; staff in scope re-route it.
  'casework.referBack': all(FORBIDDEN, { anonymous: REQUIRED, handlerHere: 'ok', handlerOther: 'CASE.NOT_FOUND' }),
  'casework.reroute': caseStaff(),
  // Reopening after the resident said 没有解决 at the 回访 (issue 17): staff in scope.
  'casework.reopen': caseStaff(),
  'casework.stats': congressStaff(STAFF_OUT_OF_SCOPE),
  'casework.statsScreen': congressStaff(STAFF_OUT_OF_SCOPE),
  'casework.drillDown': congressStaff(STAFF_OUT_OF_SCOPE),
  'casework.export': congressStaff(STAFF_OUT_OF_SCOPE),
  'casework.startExport': congressStaff(STAFF_OUT_OF_SCOPE),
  // A staff member's own exports: the district office's job is found by it alone, not found by every other staff member.
  'casework.getExport': congressStaff({ stationStaffIn: 'COMMON.NOT_FOUND', stationStaffOut: 'COMMON.NOT_FOUND', areaStaffOut: 'COMMON.NOT_FOUND', admin: 'COMMON.NOT_FOUND' }),
  'casework.listExports': congressStaff({ stationStaffOut: 'ok', areaStaffOut: 'ok' }),
  // Public figures: anyone; the list behind a figure holds the owner's case but never anything that points at it.
  'casework.figures': all('ok'),
  'casework.figureItems': all('blind'),

  // Privacy and content safety (issue 6, the other half). The owner's opinion is flagged for review.
  'privacy.exportMyData': signedIn('ok'),
  'privacy.listAuditLog': adminOnly(),
  'moderation.listFlagged': congressStaff({ stationStaffOut: 'blind', areaStaffOut: 'blind' }, 'sees'),
  'moderation.approve': congressStaff({ stationStaffOut: 'MODERATION.NOT_FOUND', areaStaffOut: 'MODERATION.NOT_FOUND' }),
  'moderation.reject': congressStaff({ stationStaffOut: 'MODERATION.NOT_FOUND', areaStaffOut: 'MODERATION.NOT_FOUND' }),
  // 代表建议 (issue 14). The suggestion is led by deputyHere in a session of 临江市's congress (dp-006, deputyElsewhere,
  // belongs to it too); it carries the owner's opinion. Congress staff of the city handle it — the city administrator;
  // 江南区 and 江北区 staff handle their own congresses' (not found here), station staff none (forbidden). handlerHere's
  // department is the unit it is assigned to.
  'suggestion.listSessions': deputies('ok', 'ok'),
  // Staff of a congress's area: their own area's sessions, so area staff elsewhere are served their own.
  'suggestion.sessionsScreen': all(FORBIDDEN, { anonymous: REQUIRED, areaStaffIn: 'ok', areaStaffOut: 'ok', admin: 'ok' }),
  'suggestion.saveSession': cityStaff(SESSION_ELSEWHERE),
  // The owner's opinion was left for deputyHere: another deputy may not attach it.
  'suggestion.saveDraft': deputies('ok', 'SUGGESTION.OPINION_UNAVAILABLE'),
  'suggestion.submit': deputies('ok', 'SUGGESTION.NOT_FOUND'),
  'suggestion.listMine': deputies('sees', 'blind'),
  'suggestion.get': { ...cityStaff(SUGGESTION_ELSEWHERE), deputyHere: 'ok', deputyElsewhere: 'SUGGESTION.NOT_FOUND', handlerHere: 'ok', handlerOther: 'SUGGESTION.NOT_FOUND' },
  // deputyElsewhere is the one invited to co-sign; the lead deputy has no invitation to answer.
  'suggestion.respond': deputies('SUGGESTION.NOT_FOUND', 'ok'),
  'suggestion.rate': deputies('ok', 'SUGGESTION.NOT_FOUND'),
  'suggestion.list': cityStaff({ areaStaffIn: 'blind', areaStaffOut: 'blind' }, 'sees'),
  'suggestion.review': cityStaff(SUGGESTION_ELSEWHERE),
  'suggestion.assign': cityStaff(SUGGESTION_ELSEWHERE),
  'suggestion.markKey': cityStaff(SUGGESTION_ELSEWHERE),
  'suggestion.decideExtension': cityStaff(SUGGESTION_ELSEWHERE),
  'suggestion.reroute': cityStaff(SUGGESTION_ELSEWHERE),
  'suggestion.listAssigned': all(FORBIDDEN, { anonymous: REQUIRED, handlerHere: 'sees', handlerOther: 'blind' }),
  'suggestion.sendView': units(),
  'suggestion.answer': units(),
  'suggestion.requestExtension': units(),
  'suggestion.referBack': units(),
  'suggestion.followUp': units(),
  'suggestion.stats': cityStaff(SESSION_ELSEWHERE),
  'suggestion.drillDown': cityStaff(SESSION_ELSEWHERE),
  'suggestion.export': cityStaff(SESSION_ELSEWHERE),

  // 民生实事项目票决 (issue 15). Each cell's round is a fresh one of 临江市's congress (test/security/support/projects.ts):
  // its staff is the city administrator (江南区 and 江北区 staff are not over the city: forbidden); deputyHere and
  // deputyElsewhere are both 市人大代表 of it; handlerHere's department delivers the candidates. Rounds, candidates
  // and results are public.
  'project.openRound': all(FORBIDDEN, { anonymous: REQUIRED, areaStaffIn: 'ADMIN.OUT_OF_SCOPE', areaStaffOut: 'ADMIN.OUT_OF_SCOPE', admin: 'ok' }),
  'project.listRounds': all('ok'),
  'project.getRound': all('ok'),
  'project.propose': signedIn('ok'),
  // The owner's held proposal: its author and the round's staff see it; nobody else.
  'project.listProposals': signedIn('blind', { owner: 'sees', admin: 'sees' }),
  'project.review': adminOnly(),
  'project.addCandidate': adminOnly(),
  'project.publishCandidates': adminOnly(),
  'project.comment': signedIn('ok'),
  'project.vote': deputies('ok', 'ok'),
  'project.getCandidate': all('ok'),
  'project.follow': signedIn('ok'),
  'project.reportProgress': all(FORBIDDEN, { anonymous: REQUIRED, handlerHere: 'ok', admin: 'ok' }),
  'project.inspect': deputies('ok', 'ok'),
  'project.rate': deputies('ok', 'ok'),
  // 代表履职 (issue 13). The record is 刘德明's (dp-005, deputyHere) at 南湖; deputyElsewhere is 赵红梅 (青石, same district).
  'duty.getRecord': ownRecord('DUTY.DEPUTY_NOT_FOUND'),
  'duty.listDeputies': all(FORBIDDEN, { anonymous: REQUIRED, stationStaffIn: 'sees', stationStaffOut: 'blind', areaStaffIn: 'sees', areaStaffOut: 'blind', admin: 'sees' }),
  'duty.listPending': all(FORBIDDEN, { anonymous: REQUIRED, stationStaffIn: 'sees', stationStaffOut: 'blind', areaStaffIn: 'sees', areaStaffOut: 'blind', admin: 'sees' }),
  'duty.addActivity': ownRecord(FORBIDDEN),
  'duty.reviewActivity': dutyStaff({ stationStaffOut: 'DUTY.NOT_FOUND', areaStaffOut: 'DUTY.NOT_FOUND' }),
  'duty.contest': all(FORBIDDEN, { anonymous: REQUIRED, deputyHere: 'ok', deputyElsewhere: 'ok' }),
  'duty.decideContest': dutyStaff({ stationStaffOut: 'DUTY.NOT_FOUND', areaStaffOut: 'DUTY.NOT_FOUND' }),
  'duty.askLeave': all(FORBIDDEN, { anonymous: REQUIRED, deputyHere: 'ok', deputyElsewhere: 'DUTY.NOT_ON_ROSTER' }),
  'duty.setAttendance': dutyStaff({ stationStaffOut: 'DUTY.NOT_FOUND', areaStaffOut: 'DUTY.NOT_FOUND' }),
  'duty.getRules': dutyArea(),
  'duty.saveRules': dutyArea(),
  'duty.saveSettings': dutyArea(),
  'duty.export': dutyStaff(OF_DEPUTY_ELSEWHERE),
  'duty.figures': all('ok'),
  'duty.openReview': dutyArea(),
  'duty.listReviews': all(FORBIDDEN, { anonymous: REQUIRED, stationStaffIn: 'sees', stationStaffOut: 'blind', areaStaffIn: 'sees', areaStaffOut: 'blind', admin: 'sees' }),
  'duty.getReport': all('ok'),
  'duty.saveReport': all(FORBIDDEN, { anonymous: REQUIRED, deputyHere: 'ok', deputyElsewhere: 'DUTY.REVIEW_NOT_FOUND' }),
  // Any resident bringing the station's code rates once; deputies rate no report.
  'duty.rateReport': signedIn('ok', { deputyHere: 'DUTY.NOT_ELIGIBLE', deputyElsewhere: 'DUTY.NOT_ELIGIBLE' }),
  'duty.answerComment': all(FORBIDDEN, { anonymous: REQUIRED, deputyHere: 'ok', deputyElsewhere: 'DUTY.REVIEW_NOT_FOUND' }),
  // Comment moderation of a 江南区 period: staff over the area; station staff cover no area's period.
  'duty.listHeldComments': reviewStaff(),
  'duty.moderateComment': reviewStaff(),

  // Last: it erases the caller's own account. Deputies and staff must be unbound first; the other
  // resident still holds the seat booked in the booking.book row.
  'privacy.deleteAccount': signedIn('PRIVACY.ROLE_BOUND', { owner: 'ok', otherResident: 'PRIVACY.ACTIVE_BOOKINGS' }),

  // The staff console's sign-in (issue 16). Any browser may ask and poll (a waiting ticket answers
  // "waiting"); any staff member, handlers included, may read and confirm a ticket in the mini-program.
  'console.openTicket': all('ok'),
  'console.getTicket': anyStaff(),
  'console.confirmTicket': anyStaff(),
  'console.redeemTicket': all('ok'),
  'console.listSessions': signedIn('ok'),
  // Nobody's session but one's own can be ended; a session of another is answered like a missing one.
  'console.endSession': signedIn('COMMON.NOT_FOUND'),
};

const SHORT: Partial<Record<Outcome, string>> = {
  ok: '✓',
  sees: '✓ sees',
  blind: '✓ blind',
  'AUTH.REQUIRED': 'REQ',
  'AUTH.FORBIDDEN': 'FORB',
  'ADMIN.OUT_OF_SCOPE': 'OOS',
  'COMMON.NOT_FOUND': 'NF',
  'OPINION.NOT_FOUND': 'NF',
  'CASE.NOT_FOUND': 'NF',
  'BOOKING.CODE_NOT_FOUND': 'NF',
  'MODERATION.NOT_FOUND': 'NF',
  'SUGGESTION.NOT_FOUND': 'NF',
};

const HEADINGS: Record<CallerKind, string> = {
  anonymous: 'none',
  owner: 'owner',
  otherResident: 'other res.',
  deputyHere: 'deputy here',
  deputyElsewhere: 'deputy else',
  stationStaffIn: 'station in',
  stationStaffOut: 'station out',
  areaStaffIn: 'area in',
  areaStaffOut: 'area out',
  handlerHere: 'handler here',
  handlerOther: 'handler other',
  admin: 'admin',
};

/** The matrix as the Markdown table docs/SECURITY.md shows (test/security/docs.test.ts keeps them equal). */
export function renderMatrix(): string {
  const lines = [`| action | ${CALLERS.map((c) => HEADINGS[c]).join(' | ')} |`, `|---|${CALLERS.map(() => '---').join('|')}|`];
  for (const [action, row] of Object.entries(MATRIX)) {
    lines.push(`| \`${action}\` | ${CALLERS.map((c) => SHORT[row[c]] ?? `\`${row[c]}\``).join(' | ')} |`);
  }
  return lines.join('\n');
}
