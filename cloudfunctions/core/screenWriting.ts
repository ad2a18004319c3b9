import type { ErrorCode } from '../../miniprogram/shared/errors';
import { fail } from './errors';
import { checkText, type Suggest, type TextVerdict } from './openapi';

/** A verdict that was not refused: passed, or to be held for review. */
type Screened = TextVerdict & { suggest: Exclude<Suggest, 'risky'> };

/**
 * WeChat content security on what a resident writes: `risky` is refused outright (`rejected`), and
 * when WeChat cannot be asked the resident is told so (`unavailable`); otherwise the verdict, whose
 * `review` the caller stores held until staff publish or reject it. `source` names the function in the log.
 */
export async function screenWriting(source: string, request: Parameters<typeof checkText>[0], codes: { unavailable: ErrorCode; rejected: ErrorCode }): Promise<Screened> {
  let verdict: TextVerdict;
  try {
    verdict = await checkText(request);
  } catch (error) {
    console.error(`[${source}] content check failed`, error);
    return fail(codes.unavailable);
  }
  if (verdict.suggest === 'risky') fail(codes.rejected);
  return { ...verdict, suggest: verdict.suggest };
}
