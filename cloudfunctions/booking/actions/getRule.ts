import type { Handler } from '../../core/handler';
import { ruleOf, staffAtStation } from '../access';

/** The station's reception rule for the staff form: its own or the default. Three concurrent reads. */
export const getRule: Handler<'booking.getRule'> = async ({ stationId }, ctx) => {
  const { rule } = await staffAtStation(ctx, stationId);
  return { stationId, rule: ruleOf(rule), isDefault: !rule?.rule };
};
