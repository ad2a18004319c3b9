/**
 * A deterministic generator of hostile payloads: from one valid payload of an action, every
 * mutation the fuzz test sends. No randomness, so a failure names the exact input and a run is
 * bounded (a few dozen variants per action).
 */
export interface Variant {
  name: string;
  payload: unknown;
}

export const ONE_MEGABYTE = 'a'.repeat(1 << 20);

/** Values that are never what a field wants: wrong types and NoSQL operator objects. */
export const OPERATOR_VALUES: ReadonlyArray<[string, unknown]> = [
  ['{$ne:null}', { $ne: null }],
  ['{$regex:.*}', { $regex: '.*' }],
  ['{$gt:""}', { $gt: '' }],
  ['{$where}', { $where: 'return true' }],
];

const WRONG_TYPES: ReadonlyArray<[string, unknown]> = [
  ['number', 12345],
  ['boolean', true],
  ['null', null],
  ['array', ['x']],
  ['empty object', {}],
  ['NaN-like string', 'NaN'],
];

/** Odd text: control characters, bidi overrides, zero-width marks, lone surrogates. */
const ODD_TEXT: ReadonlyArray<[string, (text: string) => string]> = [
  ['control characters', (text) => `\u0000\u0007\u001b[31m${text}\r\n\u007f`],
  ['RTL override and zero-width marks', (text) => `\u202e${text}\u200b\u200d\ufeff\u2066`],
  ['lone surrogates', (text) => `\ud800${text}\udfff`],
  ['only whitespace and zero-width', () => ' \u200b\u3000\t '],
];

/** An object with an own `__proto__` (or `constructor`) key, as JSON.parse makes one. */
function withOwnKey(base: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...base };
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every field path of the payload, nested objects and the first element of arrays included. */
function fieldPaths(value: unknown, prefix: string[] = []): Array<{ path: string[]; value: unknown }> {
  if (isObject(value)) return Object.entries(value).flatMap(([key, inner]) => [{ path: [...prefix, key], value: inner }, ...fieldPaths(inner, [...prefix, key])]);
  if (Array.isArray(value) && value.length > 0) return [{ path: [...prefix, '0'], value: value[0] }, ...fieldPaths(value[0], [...prefix, '0'])];
  return [];
}

function setAt(root: unknown, path: string[], value: unknown, remove = false): unknown {
  const copy: unknown = structuredClone(root);
  let node = copy as Record<string, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = path[path.length - 1]!;
  if (remove) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = value;
  return copy;
}

export function hostileVariants(base: Record<string, unknown>): Variant[] {
  const variants: Variant[] = [
    { name: 'payload is a string', payload: 'payload' },
    { name: 'payload is an array', payload: [base] },
    { name: 'payload is null', payload: null },
    { name: 'payload is an operator object', payload: { $ne: null } },
    { name: 'an extra field', payload: { ...base, unexpected: 'x' } },
    { name: 'an extra _id operator', payload: { ...base, _id: { $ne: null } } },
    { name: 'an identity in the payload', payload: { ...base, openid: 'demo-staff-city', _openid: 'demo-staff-city', userInfo: { openId: 'demo-staff-city' } } },
    { name: 'own __proto__ key', payload: withOwnKey(base, '__proto__', { isAdmin: true, roles: ['staff'] }) },
    { name: 'constructor.prototype key', payload: withOwnKey(base, 'constructor', { prototype: { isAdmin: true } }) },
  ];
  if (Object.keys(base).length > 0) variants.push({ name: 'empty payload', payload: {} });

  for (const { path, value } of fieldPaths(base)) {
    const at = path.join('.');
    variants.push({ name: `${at} missing`, payload: setAt(base, path, undefined, true) });
    for (const [label, wrong] of [...WRONG_TYPES, ...OPERATOR_VALUES]) variants.push({ name: `${at} = ${label}`, payload: setAt(base, path, wrong) });
    if (isObject(value)) {
      variants.push({ name: `${at} with __proto__`, payload: setAt(base, path, withOwnKey(value, '__proto__', { polluted: true })) });
    }
    if (typeof value === 'string') {
      variants.push({ name: `${at} = 1 MB string`, payload: setAt(base, path, ONE_MEGABYTE) });
      for (const [label, odd] of ODD_TEXT) variants.push({ name: `${at} with ${label}`, payload: setAt(base, path, odd(value)) });
    }
    if (typeof value === 'number') {
      variants.push(
        { name: `${at} = 1e308`, payload: setAt(base, path, 1e308) },
        { name: `${at} = -1`, payload: setAt(base, path, -1) },
        { name: `${at} = 0.5`, payload: setAt(base, path, 0.5) },
      );
    }
  }
  return variants;
}
