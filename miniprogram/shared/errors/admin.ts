/** Codes of the admin capability: `ADMIN.*` (and `BINDING.*`/`SCENE.*` where they belong). */
export const ADMIN_ERRORS = {} as const;
