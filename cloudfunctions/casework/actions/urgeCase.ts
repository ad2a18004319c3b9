import { COLLECTIONS } from '../../../infra/database';
import { planUrge } from '../../../miniprogram/shared/domain/casework';
import type { AccountDocument } from '../../core/accounts';
import type { Handler } from '../../core/handler';
import { statusOf } from '../../../infra/documents/opinions';
import { loadCase } from '../access';
import { notifyUrged } from '../notifications';
import { commit } from '../transition';

/**
 * Staff urge a case the departments are handling (督办): the urging is counted on the case and
 * kept on its timeline (internal), and every handler of the departments still to answer gets a
 * subscribe message. Four database requests.
 */
export const urgeCase: Handler<'casework.urge'> = async ({ opinionId, note }, ctx) => {
  const { worker, opinion } = await loadCase(ctx, opinionId, 'staff');
  const { db } = ctx;
  const after = await commit(ctx, opinion, planUrge(opinion, { note }, ctx, worker.actor));
  const pending = opinion.pendingDepartmentIds ?? [];
  const { data } = await db
    .collection(COLLECTIONS.accounts)
    .where({ 'staff.departmentId': db.command.in(pending), roles: 'staff' })
    .limit(100)
    .field({ _id: true, staff: true })
    .get();
  const handlers = (data as AccountDocument[]).map((account) => ({ openid: account._id, departmentName: account.staff?.departmentName ?? '' }));
  const notified = await notifyUrged(after, handlers, note, ctx.now);
  return { opinionId, ...statusOf(after), event: 'urged', urgeCount: after.urgeCount ?? 0, notified };
};
