/** Codes of the booking capability: `BOOKING.*` (and `BINDING.*`/`SCENE.*` where they belong). */
export const BOOKING_ERRORS = {} as const;
