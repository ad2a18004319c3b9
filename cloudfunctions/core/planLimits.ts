import { isOverPlanLimit } from './databaseErrors';

/** Waits between tries of a step refused over the plan's limit: the refusing window is a second long. */
const WAITS_MS = [100, 200, 400, 800, 800];

/**
 * Runs a database step that must not be left undone once an earlier step of the same action was
 * done (the seat after the booking, the undoing of a booking that got no seat), trying it again
 * while CloudBase refuses it over the plan's request limit: a refused request did nothing, so
 * trying it again is safe. Any other error, or the refusals outlasting the waits, goes to the caller.
 */
export async function persisting<T>(step: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await step();
    } catch (error) {
      const wait = WAITS_MS[attempt];
      if (!isOverPlanLimit(error) || wait === undefined) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
