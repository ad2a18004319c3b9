/**
 * Which actions a client may send again when the answer was lost on a weak network, declared
 * beside the contract for every action (the table is a Record over the contract's action names,
 * so a new action does not compile until it is classified). Free of zod, so the mini-program
 * imports it as a value.
 *
 * - `read`: changes nothing a person sees; sending it twice answers twice.
 * - `requestId`: a create keyed by the payload's clientRequestId; the same request lands on the
 *   same document, so a retry answers the first result.
 * - `once`: a write that a second copy could repeat or refuse confusingly; never retried.
 */
import type { ActionName } from './contract';

export type RetrySafety = 'read' | 'requestId' | 'once';

export const RETRY_SAFETY: Record<ActionName, RetrySafety> = {
  'account.getProfile': 'read',
  'account.updatePreferences': 'once',
  'account.bindDeputy': 'once',
  'account.bindStaff': 'once',
  'account.grantSubscriptions': 'once',
  'account.listMessages': 'read',
  'account.countUnread': 'read',
  'account.readMessages': 'once',

  'directory.listAreas': 'read',
  'directory.listStations': 'read',
  'directory.stationsScreen': 'read',
  'directory.getStation': 'read',
  'directory.getDeputy': 'read',
  'directory.resolveScene': 'read',
  'directory.searchDeputies': 'read',
  'directory.nearestStations': 'read',

  'opinion.submit': 'requestId',
  'opinion.listMine': 'read',
  'opinion.getMine': 'read',
  'opinion.inbox': 'read',
  'opinion.getForDeputy': 'read',
  'opinion.reply': 'once',
  'opinion.forward': 'once',
  'opinion.rate': 'once',
  'opinion.answerFollowUp': 'once',

  'admin.saveStation': 'once',
  'admin.saveDeputy': 'once',
  'admin.issueBindingCode': 'once',
  'admin.revokeBindingCode': 'once',
  'admin.unbindDeputy': 'once',
  // Makes an image file for each call: costly, and rate-limited.
  'admin.createQrCode': 'once',
  'admin.saveDepartment': 'requestId',
  'admin.listDepartments': 'read',
  'admin.issueStaffCode': 'once',
  'admin.listStaff': 'read',
  'admin.removeStaff': 'once',
  'admin.listHolidayYears': 'read',
  'admin.saveHolidayYear': 'once',

  'booking.listDays': 'read',
  'booking.getDay': 'read',
  'booking.book': 'requestId',
  'booking.joinWaitlist': 'requestId',
  'booking.cancel': 'once',
  'booking.listMine': 'read',
  'booking.checkIn': 'once',
  'booking.getRule': 'read',
  'booking.saveRule': 'once',
  'booking.addDay': 'once',
  'booking.cancelDay': 'once',
  'booking.setRoster': 'once',
  'booking.getCheckInQr': 'read',
  'booking.listStationDays': 'read',
  'booking.scheduleScreen': 'read',
  'booking.getRoster': 'read',
  'booking.staffCheckIn': 'once',
  'booking.addWalkIn': 'requestId',
  'booking.getRecord': 'read',
  'booking.recordReception': 'once',

  'casework.list': 'read',
  'casework.listAssigned': 'read',
  'casework.get': 'read',
  'casework.accept': 'once',
  'casework.assign': 'once',
  'casework.answer': 'once',
  'casework.review': 'once',
  'casework.urge': 'once',
  'casework.reopen': 'once',
  'casework.referBack': 'once',
  'casework.reroute': 'once',
  'casework.stats': 'read',
  'casework.statsScreen': 'read',
  'casework.drillDown': 'read',
  'casework.figures': 'read',
  'casework.figureItems': 'read',
  // Writes a workbook to storage for each call: costly, and rate-limited.
  'casework.export': 'once',
  'casework.startExport': 'requestId',
  'casework.getExport': 'read',
  'casework.listExports': 'read',

  'privacy.exportMyData': 'once',
  'privacy.deleteAccount': 'once',
  'privacy.listAuditLog': 'read',

  'moderation.listFlagged': 'read',
  'moderation.approve': 'once',
  'moderation.reject': 'once',

  'suggestion.listSessions': 'read',
  'suggestion.sessionsScreen': 'read',
  'suggestion.saveSession': 'requestId',
  'suggestion.saveDraft': 'requestId',
  'suggestion.submit': 'once',
  'suggestion.listMine': 'read',
  'suggestion.get': 'read',
  'suggestion.respond': 'once',
  'suggestion.rate': 'once',
  'suggestion.list': 'read',
  'suggestion.review': 'once',
  'suggestion.assign': 'once',
  'suggestion.markKey': 'once',
  'suggestion.decideExtension': 'once',
  'suggestion.reroute': 'once',
  'suggestion.listAssigned': 'read',
  'suggestion.sendView': 'once',
  'suggestion.answer': 'once',
  'suggestion.requestExtension': 'once',
  'suggestion.referBack': 'once',
  'suggestion.followUp': 'once',
  'suggestion.stats': 'read',
  'suggestion.drillDown': 'read',
  'suggestion.export': 'once',

  'admin.importDirectory': 'once',
  'admin.exportDirectory': 'once',
  'admin.printPosters': 'once',
  'project.openRound': 'requestId',
  'project.listRounds': 'read',
  'project.getRound': 'read',
  'project.propose': 'requestId',
  'project.listProposals': 'read',
  'project.review': 'once',
  'project.addCandidate': 'once',
  'project.publishCandidates': 'once',
  'project.comment': 'requestId',
  'project.vote': 'once',
  'project.getCandidate': 'read',
  'project.follow': 'once',
  'project.reportProgress': 'once',
  'project.inspect': 'once',
  'project.rate': 'once',
  'console.openTicket': 'once',
  'console.getTicket': 'read',
  'console.confirmTicket': 'once',
  'console.redeemTicket': 'once',
  'console.listSessions': 'read',
  'console.endSession': 'once',

  'duty.getRecord': 'read',
  'duty.listDeputies': 'read',
  'duty.listPending': 'read',
  'duty.addActivity': 'requestId',
  'duty.reviewActivity': 'once',
  'duty.contest': 'once',
  'duty.decideContest': 'once',
  'duty.askLeave': 'once',
  'duty.setAttendance': 'once',
  'duty.getRules': 'read',
  'duty.saveRules': 'once',
  'duty.saveSettings': 'once',
  'duty.export': 'once',
  'duty.figures': 'read',
  'duty.openReview': 'requestId',
  'duty.listReviews': 'read',
  'duty.getReport': 'read',
  'duty.saveReport': 'once',
  'duty.rateReport': 'once',
  'duty.answerComment': 'once',
  'duty.listHeldComments': 'read',
  'duty.moderateComment': 'once',
};

/** A lost answer of this action may be asked for again. */
export function isRetrySafe(action: ActionName): boolean {
  return RETRY_SAFETY[action] !== 'once';
}

/**
 * Why a call brought back no usable answer, as far as trying it again goes:
 * - `network`: the answer was lost; the call may or may not have run.
 * - `notRun`: the platform refused the call before running it (the environment's request or
 *   concurrency quota, errCode -501003/-501004): nothing happened, so any action may be sent again.
 * - `busy`: the call ran and was refused on the way (the database over the plan's request limit,
 *   COMMON.BUSY) or outlasted the function's timeout (-504003): part of it may have happened.
 */
export type CallFailure = 'network' | 'notRun' | 'busy';

/** Tries in all, per kind of failure. A lost answer is asked for once more, at once, as before. */
export const ATTEMPTS: Record<CallFailure, number> = { network: 2, notRun: 5, busy: 5 };

/** May a call of `action` that failed this way on try number `attempt` (from 1) be tried again? */
export function mayRetry(action: ActionName, failure: CallFailure, attempt: number): boolean {
  if (attempt >= ATTEMPTS[failure]) return false;
  return failure === 'notRun' || isRetrySafe(action);
}

const BACKOFF_BASE_MS = 400;
const BACKOFF_MAX_MS = 3000;

/**
 * How long to wait before try `attempt + 1` after an over-limit refusal: doubling from 0.4 s up to
 * 3 s, half of it at random, so that residents refused together do not all come back together.
 */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** The platform's errCode in a failed call's errMsg, read as a failure kind; undefined for other failures. */
export function platformFailure(errMsg: string): CallFailure | undefined {
  if (/-50100[34]\b/.test(errMsg)) return 'notRun';
  if (/-504003\b/.test(errMsg)) return 'busy';
  return undefined;
}
