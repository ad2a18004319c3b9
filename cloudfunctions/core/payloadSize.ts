/**
 * The most a payload may hold, counted before it is parsed: the longest legitimate one (a
 * suggestion of 3,000 characters with its notes, or a reception record of 20 items of 500) is
 * far below. Checking lengths costs one step per value, never per character, so a 10 MB text
 * is refused before any schema looks at it.
 */
export const PAYLOAD_LIMITS = {
  /** Characters in all strings and keys together. */
  characters: 64 * 1024,
  /** Values (objects, arrays, strings, numbers …) in the whole payload. */
  values: 4096,
  depth: 16,
} as const;

/** True when the payload is over any of PAYLOAD_LIMITS; stops counting as soon as it is. */
export function isOversizePayload(payload: unknown): boolean {
  let characters = 0;
  let values = 0;
  const pending: Array<{ value: unknown; depth: number }> = [{ value: payload, depth: 0 }];
  while (pending.length > 0) {
    const { value, depth } = pending.pop()!;
    values += 1;
    if (values > PAYLOAD_LIMITS.values || depth > PAYLOAD_LIMITS.depth) return true;
    if (typeof value === 'string') characters += value.length;
    else if (typeof value === 'object' && value !== null) {
      for (const key of Object.keys(value)) {
        characters += key.length;
        pending.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1 });
      }
    }
    if (characters > PAYLOAD_LIMITS.characters) return true;
  }
  return false;
}
