import { canTake } from '../../miniprogram/shared/domain/casework';
import type { Handler } from '../core/handler';
import { photoViews } from '../opinion/photos';
import { loadCase } from './access';
import { caseDetail } from './caseView';
import { assignableDepartments } from './departments';

/**
 * A case in full for staff in scope or a handler of an assigned department: the resident's words
 * and photos, the contact as consented, every round of assignment with the answers, the whole
 * timeline with internal notes, and what the caller may do now. Two database requests; three
 * for staff while it can be assigned (the departments to choose from).
 */
export const getCase: Handler<'casework.get'> = async ({ opinionId }, ctx) => {
  const { worker, opinion } = await loadCase(ctx, opinionId, 'either');
  const choosing = !worker.isHandler && canTake('assign', opinion.status);
  const [photos, departments] = await Promise.all([photoViews(opinion.photos), choosing ? assignableDepartments(ctx.db, opinion.areaPath) : Promise.resolve([])]);
  return caseDetail(opinion, worker, ctx.now, { photos, assignableDepartments: departments });
};
