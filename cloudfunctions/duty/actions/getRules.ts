import type { Handler } from '../../core/handler';
import { loadDutyCaller, requireAreaStaff } from '../access';
import { rulesView } from '../rules';

/** Area staff: the points rules (every version) and settings in force in an area of theirs. */
export const getRules: Handler<'duty.getRules'> = async ({ areaId }, ctx) => {
  const { staff } = await loadDutyCaller(ctx, ['staff']);
  const areaPath = await requireAreaStaff(ctx, staff, areaId);
  return rulesView(ctx, areaId, areaPath);
};
