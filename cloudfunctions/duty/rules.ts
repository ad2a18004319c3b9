import type { RulesView } from '../../miniprogram/shared/contract/duty';
import { DEFAULT_POINTS_RULES } from '../../miniprogram/shared/domain/duty';
import type { CallContext } from '../core/handler';
import { readRules } from './record';

/** The rules versions and settings in force at an area (each from the nearest area that wrote some). */
export async function rulesView(ctx: CallContext, areaId: string, areaPath: readonly string[]): Promise<RulesView> {
  const { versions, settings } = await readRules(ctx, areaPath);
  return {
    areaId,
    versions: versions.map((doc) => ({ effectiveFrom: doc.effectiveFrom, areaId: doc.areaId, rules: doc.rules, missedDayPenalty: doc.missedDayPenalty })),
    defaults: { rules: DEFAULT_POINTS_RULES.rules, missedDayPenalty: DEFAULT_POINTS_RULES.missedDayPenalty },
    settings,
  };
}
