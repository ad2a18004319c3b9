import type { DepartmentChoice } from '../../../miniprogram/shared/contract/casework';
import type { Handler } from '../../core/handler';
import { loadSuggestion } from '../access';
import { assignableUnits } from '../congress';
import { suggestionEnv } from '../settings';
import { suggestionDetail } from '../views';

/**
 * One suggestion as the caller may see it: its lead deputy and co-signers (without what staff and
 * units keep among themselves), staff of its congress's area, and the units ever assigned to it;
 * with what the caller may do now. For staff choosing units (to assign, or to re-route what a unit
 * sent back), the units they may choose. Three database requests (four for staff choosing units).
 */
export const getSuggestion: Handler<'suggestion.get'> = async ({ suggestionId }, ctx) => {
  const { caller, doc, viewer } = await loadSuggestion(ctx, suggestionId, ['deputy', 'staff', 'handler']);
  const choosing = viewer === 'staff' && (doc.status === 'registered' || doc.referralOpen);
  const congressAreaId = doc.areaPath[doc.areaPath.length - 1] ?? '';
  const [env, units] = await Promise.all([suggestionEnv(ctx), choosing ? assignableUnits(ctx.db, { areaId: congressAreaId }) : Promise.resolve([] as DepartmentChoice[])]);
  return suggestionDetail(doc, viewer, caller, env, units);
};
