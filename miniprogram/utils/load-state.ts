import { messageFor, type ErrorCode } from '../shared/errors';
import { toApiError } from '../services/api';

/** What a page shows: still loading, its content, nothing to show, or an error with 重试. */
export type LoadStatus = 'loading' | 'ready' | 'empty' | 'error';

export interface Loaded<V> {
  status: LoadStatus;
  /** The Chinese message shown with 重试 when status is 'error'. */
  errorMessage: string;
  view: V | null;
}

export function loading<V>(): Loaded<V> {
  return { status: 'loading', errorMessage: '', view: null };
}

/** A page that cannot even ask, e.g. opened without the id it needs. */
export function failed<V>(code: ErrorCode): Loaded<V> {
  return { status: 'error', errorMessage: messageFor(code), view: null };
}

/**
 * Runs a page's fetch and settles it into what the page renders. Errors become their
 * Chinese message; `isEmpty` decides when the content is there but has nothing to show.
 */
export async function settle<T, V>(fetch: () => Promise<T>, toView: (data: T) => V, isEmpty: (view: V) => boolean = () => false): Promise<Loaded<V>> {
  try {
    const view = toView(await fetch());
    return { status: isEmpty(view) ? 'empty' : 'ready', errorMessage: '', view };
  } catch (error) {
    return { status: 'error', errorMessage: toApiError(error).message, view: null };
  }
}
