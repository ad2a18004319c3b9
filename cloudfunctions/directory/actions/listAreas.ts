import { COLLECTIONS } from '../../../infra/database';
import type { Area } from '../../../miniprogram/shared/domain/directory';
import type { Handler } from '../../core/handler';

/** The whole area tree is small (a city's districts, townships and communities): one read. */
export const listAreas: Handler<'directory.listAreas'> = async (_payload, { db }) => {
  const { data } = await db.collection(COLLECTIONS.areas).orderBy('_id', 'asc').limit(1000).get();
  return { areas: data as Area[] };
};
