import type { CollectionName } from '../../infra/database';
import type { Database } from './cloud';

/**
 * The documents of `collection` whose `field` is one of `values`, at most `limit` of them. With no
 * values there is nothing to find: none, without a request. One request otherwise.
 */
export async function findAmong<T>(db: Database, collection: CollectionName, field: string, values: readonly string[], limit = 1000): Promise<T[]> {
  if (values.length === 0) return [];
  const { data } = await db
    .collection(collection)
    .where({ [field]: db.command.in([...values]) })
    .limit(limit)
    .get();
  return data as T[];
}
