import { COLLECTIONS } from '../../infra/database';
import type { CallContext } from '../core/handler';
import { fail } from '../core/errors';
import { addressedTo, type DeputyCaller } from './deputyCaller';
import type { OpinionDocument } from '../../infra/documents/opinions';

/**
 * An opinion this deputy handles. One addressed to someone else is not found exactly like a
 * missing one: the address is part of the query. One database request.
 */
export async function findAddressed(ctx: CallContext, deputy: DeputyCaller, opinionId: string): Promise<OpinionDocument> {
  const _ = ctx.db.command;
  const { data } = await ctx.db
    .collection(COLLECTIONS.opinions)
    .where(_.and([{ _id: opinionId }, addressedTo(ctx.db, deputy)]))
    .limit(1)
    .get();
  const opinion = (data as OpinionDocument[])[0];
  if (!opinion) fail('OPINION.NOT_FOUND');
  return opinion;
}
