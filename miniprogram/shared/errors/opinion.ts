/** Codes of the opinion capability: `OPINION.*` (and `BINDING.*`/`SCENE.*` where they belong). */
export const OPINION_ERRORS = {} as const;
