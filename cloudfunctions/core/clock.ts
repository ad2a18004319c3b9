import { systemClock } from '../../miniprogram/shared/domain/time';

/**
 * When an invocation happens. On CloudBase that is the real time: the platform's context carries
 * no clock. The local runtime runs on a clock of its own (fixed or shifted, for tests and demos)
 * and hands its reading to the function in the context it builds, under this key.
 */
export const LOCAL_RUNTIME_NOW = 'localRuntimeNow';

export function invocationInstant(context: unknown): Date {
  if (typeof context === 'object' && context !== null) {
    const local = (context as Record<string, unknown>)[LOCAL_RUNTIME_NOW];
    if (typeof local === 'string') {
      const at = new Date(local);
      if (!Number.isNaN(at.getTime())) return at;
    }
  }
  return systemClock.now();
}

/** How far a timer's own `Time` may lie from the invocation instant and still be the instant it runs for. */
const TIMER_TIME_TOLERANCE_MS = 6 * 60 * 60_000;

/**
 * The instant a timer firing runs for: the `Time` CloudBase puts in the event (a retried or late
 * firing still works for its own hour), unless it is missing or far from the invocation instant.
 */
export function timerInstant(event: { Time?: unknown }, context: unknown): Date {
  const invoked = invocationInstant(context);
  const stated = typeof event.Time === 'string' ? new Date(event.Time) : null;
  if (!stated || Number.isNaN(stated.getTime())) return invoked;
  return Math.abs(stated.getTime() - invoked.getTime()) <= TIMER_TIME_TOLERANCE_MS ? stated : invoked;
}
