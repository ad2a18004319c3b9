import { COLLECTIONS } from '../../../infra/database';
import { contestView, type ContestDocument } from '../../../infra/documents/duty';
import { contestWindowOpen } from '../../../miniprogram/shared/domain/duty';
import { shanghaiDate } from '../../../miniprogram/shared/domain/time';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { deputyFor, loadDutyCaller } from '../access';
import { buildRecord } from '../record';

/**
 * A deputy contests their record of a year: an entry is wrong (错) or double (重), or one is
 * missing (漏). Only inside the window staff set for the area; the entry must be on the record.
 * The same contest of the same entry, still open, is answered instead of being raised twice.
 */
export const contest: Handler<'duty.contest'> = async ({ year, kind, entryId, reason }, ctx) => {
  const caller = await loadDutyCaller(ctx, ['deputy']);
  const deputy = await deputyFor(ctx, caller, undefined);
  const record = await buildRecord(ctx, deputy, year);
  if (!contestWindowOpen(record.contestWindow, shanghaiDate(ctx.now))) fail('DUTY.CONTEST_CLOSED');
  const target = kind === 'missing' ? null : (entryId ?? null);
  if (target && !record.entries.some((entry) => entry.id === target)) fail('DUTY.NOT_FOUND');
  const collection = ctx.db.collection(COLLECTIONS.dutyContests);
  if (target) {
    const { data } = await collection.where({ deputyId: deputy.deputyId, entryId: target, kind, status: 'open' }).limit(1).get();
    if (data[0]) return { contest: contestView(data[0] as ContestDocument) };
  }
  const doc: Omit<ContestDocument, '_id'> = {
    deputyId: deputy.deputyId,
    areaPath: deputy.areaPath,
    stationIds: deputy.stationIds,
    year,
    kind,
    entryId: target,
    reason,
    status: 'open',
    decisionNote: '',
    createdAt: ctx.now,
  };
  const { id } = (await collection.add(doc)) as { id: string };
  return { contest: contestView({ ...doc, _id: id }) };
};
