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

  'directory.listAreas': 'read',
  'directory.listStations': 'read',
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
  'casework.referBack': 'once',
  'casework.reroute': 'once',
  'casework.stats': 'read',
  'casework.drillDown': 'read',
  // Writes a workbook to storage for each call: costly, and rate-limited.
  'casework.export': 'once',

  'privacy.exportMyData': 'once',
  'privacy.deleteAccount': 'once',
  'privacy.listAuditLog': 'read',

  'moderation.listFlagged': 'read',
  'moderation.approve': 'once',
  'moderation.reject': 'once',

  'suggestion.listSessions': 'read',
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
  'duty.getReport': 'read',
  'duty.saveReport': 'once',
  'duty.rateReport': 'once',
  'duty.answerComment': 'once',
};

/** A lost answer of this action may be asked for again. */
export function isRetrySafe(action: ActionName): boolean {
  return RETRY_SAFETY[action] !== 'once';
}
