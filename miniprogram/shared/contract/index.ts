import type * as z from 'zod';
import { accountActions } from './account';
import { adminActions } from './admin';
import { bookingActions } from './booking';
import { caseworkActions } from './casework';
import { consoleActions } from './console';
import { directoryActions } from './directory';
import { dutyActions } from './duty';
import { opinionActions } from './opinion';
import { moderationActions, privacyActions } from './privacy';
import { projectActions } from './project';
import { suggestionActions } from './suggestion';

/**
 * The API contract: every action the mini-program may call, with its payload schema and
 * result type. Cloud functions validate with these schemas; the mini-program imports only types.
 */
export const API = {
  ...accountActions,
  ...directoryActions,
  ...opinionActions,
  ...adminActions,
  ...bookingActions,
  ...caseworkActions,
  ...privacyActions,
  ...moderationActions,
  ...suggestionActions,
  ...projectActions,
  ...consoleActions,
  ...dutyActions,
};

export type Api = typeof API;
export type ActionName = keyof Api;
export type PayloadOf<A extends ActionName> = z.input<Api[A]['payload']>;
export type ParsedPayloadOf<A extends ActionName> = z.output<Api[A]['payload']>;
export type ResultOf<A extends ActionName> = NonNullable<Api[A]['result']>;

/** The cloud function that serves an action: the part before the dot. */
export type FunctionOf<A extends ActionName> = A extends `${infer F}.${string}` ? F : never;
export type FunctionName = FunctionOf<ActionName>;

export function functionOf(action: string): string {
  return action.slice(0, action.indexOf('.'));
}

/** What the mini-program sends as the function's event. */
export interface ApiEvent<A extends ActionName = ActionName> {
  action: A;
  payload: PayloadOf<A>;
}
