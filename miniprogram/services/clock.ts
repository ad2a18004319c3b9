/**
 * The app's clock: what pages take as now (today's date, what is overdue, this month). The phone's
 * own time in production; tests and the local runtime's demos set another with `useClock`, the way
 * `useBackend` chooses the back end. Page models read it here; pure view code gets `now` passed in.
 */
import { systemClock, type Clock } from '../shared/domain/time';

let current: Clock = systemClock;

export const appClock: Clock = { now: () => current.now() };

export function useClock(clock: Clock): void {
  current = clock;
}
