import { COLLECTIONS } from '../../../infra/database';
import { rulesIdFor, type RulesDocument } from '../../../infra/documents/duty';
import { validRules } from '../../../miniprogram/shared/domain/duty';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { loadDutyCaller, requireAreaStaff } from '../access';
import { rulesView } from '../rules';

/**
 * Area staff write a rules version for their area from a date on. Earlier versions stay, so a year
 * already scored keeps its score; a version of the same date is replaced (the same call twice is
 * the same version).
 */
export const saveRules: Handler<'duty.saveRules'> = async ({ areaId, effectiveFrom, rules, missedDayPenalty }, ctx) => {
  const { staff, openid } = await loadDutyCaller(ctx, ['staff']);
  const areaPath = await requireAreaStaff(ctx, staff, areaId);
  if (!validRules({ effectiveFrom, rules, missedDayPenalty })) fail('DUTY.RULES_INVALID');
  const doc: Omit<RulesDocument, '_id'> = { kind: 'rules', areaId, effectiveFrom, rules, missedDayPenalty, savedBy: openid, savedAt: ctx.now };
  await ctx.db.collection(COLLECTIONS.dutyRules).doc(rulesIdFor(areaId, effectiveFrom)).set(doc);
  return rulesView(ctx, areaId, areaPath);
};
