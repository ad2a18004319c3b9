import { COLLECTIONS } from '../../../infra/database';
import type { RoundDocument } from '../../../infra/documents/projects';
import type { Handler } from '../../core/handler';
import { roundView } from '../views';

const MOST_ROUNDS = 100;

/** Anyone: the rounds of an area (or every area), latest year first. One database request. */
export const listRounds: Handler<'project.listRounds'> = async ({ areaId }, ctx) => {
  const query = areaId ? { areaId } : {};
  const { data } = await ctx.db.collection(COLLECTIONS.projectRounds).where(query).orderBy('year', 'desc').orderBy('createdAt', 'desc').limit(MOST_ROUNDS).get();
  return { rounds: (data as RoundDocument[]).map((round) => roundView(round, ctx.now)) };
};
