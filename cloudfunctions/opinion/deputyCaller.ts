import { COLLECTIONS } from '../../infra/database';
import { HIDDEN_MODERATION_STATES } from '../../miniprogram/shared/domain/caseQueues';
import type { Deputy } from '../../miniprogram/shared/domain/directory';
import type { AccountDocument } from '../core/accounts';
import { requireDeputy, requireOpenid } from '../core/caller';
import type { Database } from '../core/cloud';
import { fail } from '../core/errors';
import type { CallContext } from '../core/handler';

/** A caller bound to an active deputy record, with the stations that deputy receives at. */
export interface DeputyCaller {
  openid: string;
  deputyId: string;
  name: string;
  stationIds: string[];
}

/**
 * The caller as a deputy, in one database request: the account joined with its deputy record.
 * Anyone else, or a deputy whose record has retired, is AUTH.FORBIDDEN.
 */
export async function loadDeputyCaller(ctx: CallContext): Promise<DeputyCaller> {
  const openid = requireOpenid(ctx);
  const { data } = await ctx.db
    .collection(COLLECTIONS.accounts)
    .aggregate()
    .match({ _id: openid })
    .lookup({ from: COLLECTIONS.deputies, localField: 'deputy.deputyId', foreignField: '_id', as: 'records' })
    .project({ roles: 1, deputy: 1, 'records._id': 1, 'records.stationIds': 1, 'records.active': 1 })
    .end();
  const row = (data as Array<AccountDocument & { records?: Array<Pick<Deputy, '_id' | 'stationIds' | 'active'>> }>)[0];
  const bound = requireDeputy({ openid, account: row });
  const record = row?.records?.[0];
  if (!record?.active) fail('AUTH.FORBIDDEN');
  return { openid, deputyId: bound.deputyId, name: bound.name, stationIds: record.stationIds };
}

/**
 * The opinions a deputy handles: left for them by name, or for a station they receive at
 * without naming a deputy; and published — text content security held for review, or staff
 * rejected, is not theirs to see (shared/domain/moderation.ts).
 */
export function addressedTo(db: Database, deputy: DeputyCaller) {
  const _ = db.command;
  return _.and([_.or([{ deputyId: deputy.deputyId }, { deputyId: null, stationId: _.in(deputy.stationIds) }]), { 'moderation.state': _.nin([...HIDDEN_MODERATION_STATES]) }]);
}
