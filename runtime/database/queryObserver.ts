/** Hands the filter of each answered request to the index-use check (runtime/database/indexUse.ts). */
import { isPlainObject } from './ejson';
import type { IndexUse } from './indexUse';
import { readCollectionName, readCriteria, readOrder, readPipeline, type RequestBody } from './protocol';

/** The actions that select documents with a `query`. */
const FILTERING = new Set(['database.getDocument', 'database.modifyDocument', 'database.modifyAndReturnDoc', 'database.removeDocument', 'database.calculateDocument']);

/** Called after the request was answered, so its body is known to parse. */
export function observeQuery(indexUse: IndexUse, body: RequestBody, serverTime: number, functionName: string): void {
  const action = String(body.action);
  const name = action.slice('database.'.length);
  if (action === 'database.getDocument') {
    indexUse.observe(readCollectionName(body), name, readCriteria(body, serverTime), readOrder(body, serverTime), functionName);
  } else if (FILTERING.has(action)) {
    indexUse.observe(readCollectionName(body), name, readCriteria(body, serverTime), undefined, functionName);
  } else if (action === 'database.aggregateDocuments') {
    const [first] = readPipeline(body, serverTime);
    // A leading $geoNear is answered only through a declared 2dsphere index (runtime/database/geo.ts).
    if (first?.$geoNear !== undefined) return;
    const match = first?.$match;
    indexUse.observe(readCollectionName(body), name, isPlainObject(match) ? match : {}, undefined, functionName);
  }
}
