import { COLLECTIONS } from '../../../infra/database';
import { settingsIdFor, type SettingsDocument } from '../../../infra/documents/duty';
import type { Handler } from '../../core/handler';
import { loadDutyCaller, requireAreaStaff } from '../access';
import { rulesView } from '../rules';

/** Area staff: the window in which deputies may contest their record, and whether rankings are shown in the area. */
export const saveSettings: Handler<'duty.saveSettings'> = async ({ areaId, contestFrom, contestUntil, rankingShown }, ctx) => {
  const { staff, openid } = await loadDutyCaller(ctx, ['staff']);
  const areaPath = await requireAreaStaff(ctx, staff, areaId);
  const doc: Omit<SettingsDocument, '_id'> = { kind: 'settings', areaId, contestFrom, contestUntil, rankingShown, savedBy: openid, savedAt: ctx.now };
  await ctx.db.collection(COLLECTIONS.dutyRules).doc(settingsIdFor(areaId)).set(doc);
  return rulesView(ctx, areaId, areaPath);
};
