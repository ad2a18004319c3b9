import type { Handler } from '../../core/handler';
import { deputyFor, loadDutyCaller } from '../access';
import { buildRecord } from '../record';

/** A deputy's own record of a year, or one staff cover: every entry linked to its source, the score line by line. */
export const getRecord: Handler<'duty.getRecord'> = async ({ year, deputyId }, ctx) => {
  const caller = await loadDutyCaller(ctx, ['deputy', 'staff']);
  const deputy = await deputyFor(ctx, caller, deputyId);
  return buildRecord(ctx, deputy, year);
};
