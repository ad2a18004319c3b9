/**
 * Operators refused before anything is evaluated. Some CloudBase accepts but this runtime cannot answer
 * faithfully: mingo would reject them with a generic "unknown operator" or, worse (for $out/$merge),
 * write around the log; naming them gives a refusal that says why. Any other operator mingo does not
 * know is refused too, up front as MongoDB does, even when no document would reach it.
 */
import { isPlainObject } from './ejson';
import { unsupportedOperator } from './errors';
import { isKnownOperator } from './semantics';

const LEGACY_GEO = 'legacy planar coordinates are not supported by the local runtime; use GeoJSON ($geometry, $centerSphere)';
const GEO_NEAR_STAGE = '$geoNear is only valid as the first stage of a pipeline';
const TEXT = 'full-text search is not implemented';
const SCRIPT = 'server-side JavaScript is not run by the local runtime';
const WRITE_STAGE = 'aggregation cannot write to collections here';

const REFUSED: ReadonlyMap<string, string> = new Map([
  ['$box', LEGACY_GEO],
  ['$center', LEGACY_GEO],
  ['$polygon', LEGACY_GEO],
  ['$geoNear', GEO_NEAR_STAGE],
  ['$text', TEXT],
  ['$meta', TEXT],
  ['$where', SCRIPT],
  ['$function', SCRIPT],
  ['$accumulator', SCRIPT],
  ['$out', WRITE_STAGE],
  ['$merge', WRITE_STAGE],
]);

/** Throws DATABASE_INVALID_OPERRATOR if a refused operator appears anywhere in a query, update or pipeline. */
export function refuseUnsupportedOperators(value: unknown): void {
  if (Array.isArray(value)) {
    value.forEach(refuseUnsupportedOperators);
    return;
  }
  if (!isPlainObject(value)) return;
  for (const [key, inner] of Object.entries(value)) {
    if (!key.startsWith('$')) {
      refuseUnsupportedOperators(inner);
      continue;
    }
    const reason = REFUSED.get(key) ?? (isKnownOperator(key) ? undefined : 'no such operator');
    if (reason !== undefined) throw unsupportedOperator(key, reason);
    // A $literal's content is data, not operators.
    if (key !== '$literal') refuseUnsupportedOperators(inner);
  }
}
