import { prospectiveDeadline } from '../../../miniprogram/shared/domain/caseDeadlines';
import { canTake } from '../../../miniprogram/shared/domain/casework';
import { contentHold, visiblePhotos } from '../../../miniprogram/shared/domain/moderation';
import { caseDeadlines } from '../../core/caseDeadlines';
import type { Handler } from '../../core/handler';
import { photoViews } from '../../core/photos';
import { loadCase } from '../access';
import { caseDetail } from '../caseView';
import { assignableDepartments } from '../departments';

/**
 * A case in full for staff in scope or a handler of an assigned department: the resident's words
 * and photos, the contact as consented, every round of assignment with the answers, the whole
 * timeline with internal notes, and what the caller may do now; deadlines with the working days
 * they are late by now, and for staff while it can be assigned the answer deadline a 交办 made now
 * gets. Photos not yet passed by content security are left out (moderation.listFlagged shows them to reviewers). A name or full phone shown
 * is written to the audit log by the data-access door (core/personalData.ts). Two database requests; one more for staff while it can be assigned
 * (the departments to choose from) and one more when personal data is shown (the audit entry).
 */
export const getCase: Handler<'casework.get'> = async ({ opinionId }, ctx) => {
  const { worker, opinion } = await loadCase(ctx, opinionId, 'either');
  // Choosing departments: to assign it, or to re-route what a department sent back.
  const choosing = !worker.isHandler && (canTake('assign', opinion.status) || (opinion.referralOpen === true && canTake('reroute', opinion.status)));
  const [photos, departments, calendar] = await Promise.all([
    photoViews(visiblePhotos(opinion.photos, opinion.moderation)),
    choosing ? assignableDepartments(ctx.db, opinion.areaPath) : Promise.resolve([]),
    ctx.calendar(),
  ]);
  // What the 交办 form promises: the answer deadline an assignment made now gets (CASE_DEADLINES, holiday calendar).
  const assignDue = choosing ? prospectiveDeadline('answer', ctx.now, caseDeadlines(), calendar) : null;
  const detail = caseDetail(opinion, worker, { now: ctx.now, calendar }, { photos, assignableDepartments: departments, assignDue });
  // Text held for content review or rejected: nothing to do here until it is published (every transition refuses it).
  if (contentHold(opinion.moderation)) detail.actions = [];
  return detail;
};
