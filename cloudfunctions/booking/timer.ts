import tcb from '@cloudbase/node-sdk';
import { DAILY_TRIGGER_NAME } from './config';

/** What CloudBase passes as the event when a timer trigger fires. */
export interface TimerEvent {
  Type: 'Timer';
  TriggerName: string;
  Time?: string;
  Message?: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Any caller identity in the invocation context: a WeChat user, a web user, a custom login. */
function hasCaller(context: unknown): boolean {
  if (!isObject(context) || (!('environment' in context) && !('environ' in context))) return false;
  const env = tcb.getCloudbaseContext(context as unknown as Parameters<typeof tcb.getCloudbaseContext>[0]);
  return [env.WX_OPENID, env.TCB_UUID, env.TCB_CUSTOM_USER_ID].some((id) => typeof id === 'string' && id !== '');
}

/**
 * Whether this invocation is our daily timer firing. A timer event carries no caller; the
 * same body sent by a user (who always has an identity in the context) is not one, and goes
 * to the API router, which knows no such action. The jobs are idempotent besides.
 */
export function isDailyTimer(event: unknown, context: unknown): event is TimerEvent {
  return isObject(event) && event.Type === 'Timer' && event.TriggerName === DAILY_TRIGGER_NAME && !hasCaller(context);
}
