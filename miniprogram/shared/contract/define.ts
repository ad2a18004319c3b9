import type * as z from 'zod';

/**
 * One action of the API: the schema that validates its payload (and gives its type)
 * and, as a phantom, the type of its result.
 */
export interface ActionSpec<P extends z.ZodType, R> {
  payload: P;
  /** Never read at run time: carries the result type. */
  readonly result?: R;
}

export function action<R>() {
  return <P extends z.ZodType>(payload: P): ActionSpec<P, R> => ({ payload });
}

export type AnySpec = ActionSpec<z.ZodType, unknown>;

/** Names a capability's actions `capability.verb`, at the type level and at run time. */
export type Namespaced<NS extends string, T> = { [K in keyof T & string as `${NS}.${K}`]: T[K] };

export function namespaced<NS extends string, T extends Record<string, AnySpec>>(ns: NS, specs: T): Namespaced<NS, T> {
  const out: Record<string, AnySpec> = {};
  for (const [verb, spec] of Object.entries(specs)) out[`${ns}.${verb}`] = spec;
  return out as Namespaced<NS, T>;
}
