import { toApiError, type ApiError } from '../services/api';
import { showToast } from '../services/wx';

/** What a page shows of a refusal: the first field's message if the server named one, else its message. */
export function refusalText(error: ApiError): string {
  return Object.values(error.fields)[0] ?? error.message;
}

/** The default answer to a refusal: the server's message as a toast. */
export function toastRefusal(error: ApiError): void {
  showToast(error.message);
}

export interface StepOptions<S> {
  /** Rendered with `working: true` as the step starts: earlier outcomes and refusals to clear. */
  clear?: Partial<S>;
  /** What the page shows of a refusal (rendered with `working: false`); by default a toast. */
  refused?: (error: ApiError) => Partial<S> | void | Promise<Partial<S> | void>;
}

export interface OneAtATime<S> {
  /** True while a step runs, for pages that check before their own form checks. */
  readonly working: boolean;
  /**
   * Runs one step unless another is running (then does nothing and answers false). `working` is
   * rendered on as it starts and off as it ends, together with what the step or its refusal answered.
   * Answers true when the step went through.
   */
  step(action: () => Promise<Partial<S> | void>, options?: StepOptions<S>): Promise<boolean>;
}

/**
 * One action at a time on a page: a second tap while the first is on its way is ignored, and
 * what the server refuses is shown (toasted unless the page says where). `context` names the
 * page in the log of unexpected errors.
 */
export function oneAtATime<S extends { working: boolean }>(render: (change: Partial<S>) => void, context: string): OneAtATime<S> {
  let working = false;
  return {
    get working() {
      return working;
    },
    async step(action, options = {}) {
      if (working) return false;
      working = true;
      render({ ...options.clear, working: true } as Partial<S>);
      let outcome: Partial<S> | void = undefined;
      let done = false;
      try {
        outcome = await action();
        done = true;
      } catch (error) {
        outcome = await (options.refused ?? toastRefusal)(toApiError(error, context));
      } finally {
        working = false;
        render({ ...outcome, working: false } as Partial<S>);
      }
      return done;
    },
  };
}
