/**
 * Jest setup (setupFilesAfterEnv): a test file fails when any runtime it started answered a query
 * that no index declared in infra/database.ts serves (runtime/database/indexUse.ts). The test
 * runtime support registers each runtime here; the check runs after the file's own afterAll.
 */
import type { UnindexedQuery } from '../../runtime/database/indexUse';

export interface QueryAuditable {
  unindexedQueries(): UnindexedQuery[];
}

const started: QueryAuditable[] = [];

export function auditQueriesOf(database: QueryAuditable): void {
  started.push(database);
}

export function describeUnindexed(found: readonly UnindexedQuery[]): string {
  return found.map((q) => `  ${q.functionName}: ${q.collection} ${q.action} ${q.filter} ×${q.count}`).join('\n');
}

if (typeof afterAll === 'function') {
  afterAll(() => {
    const found = started.flatMap((database) => database.unindexedQueries());
    started.length = 0;
    if (found.length > 0) {
      throw new Error(`queries no declared index serves (declare one in infra/database.ts or query by an indexed field):\n${describeUnindexed(found)}`);
    }
  });
}
