/**
 * The timer triggers of the local runtime: each function's `config.json` declares them as CloudBase
 * does (7-field cron: second minute hour day month weekday year, read on a UTC+8 clock, as Tencent's
 * timer triggers are), and the runtime fires them when its own clock reaches a matching minute, with
 * the event CloudBase sends (`{ Type: 'Timer', TriggerName, Time }`). `fire` fires one at once
 * (tests, and `POST /timers/<function>`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inShanghai, type Clock } from '../miniprogram/shared/domain/time';

export interface TimerTrigger {
  functionName: string;
  name: string;
  cron: string;
}

interface FunctionConfig {
  triggers?: Array<{ name: string; type: string; config: string }>;
}

/** Every timer trigger declared under `sourceDir/<function>/config.json`. */
export function declaredTimers(sourceDir: string): TimerTrigger[] {
  const functionNames = readdirSync(sourceDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  return functionNames.flatMap((functionName) => {
    const file = join(sourceDir, functionName, 'config.json');
    if (!existsSync(file)) return [];
    const config = JSON.parse(readFileSync(file, 'utf8')) as FunctionConfig;
    return (config.triggers ?? []).filter((t) => t.type === 'timer').map((t) => ({ functionName, name: t.name, cron: t.config }));
  });
}

/** One cron field: `*`, a number, a list `1,15`, a range `1-5`, a step `*\/10` or `0-30/5`. */
function fieldMatches(field: string, value: number): boolean {
  return field.split(',').some((part) => {
    const [range, stepText] = part.split('/') as [string, string | undefined];
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new Error(`bad cron step "${part}"`);
    const [low, high] =
      range === '*'
        ? [0, Number.MAX_SAFE_INTEGER]
        : range.includes('-')
          ? range.split('-').map(Number)
          : [Number(range), stepText === undefined ? Number(range) : Number.MAX_SAFE_INTEGER];
    if (!Number.isInteger(low) || !Number.isInteger(high)) throw new Error(`bad cron field "${part}"`);
    return value >= (low as number) && value <= (high as number) && (value - (low as number)) % step === 0;
  });
}

/** Whether the 7-field cron fires in the minute containing `instant` (on a Shanghai clock). */
export function cronFiresAt(cron: string, instant: Date): boolean {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 7) throw new Error(`a CloudBase cron has 7 fields (second minute hour day month weekday year): "${cron}"`);
  const [, minute, hour, day, month, weekday, year] = fields as [string, string, string, string, string, string, string];
  const at = inShanghai(instant);
  return (
    fieldMatches(minute, at.minute()) &&
    fieldMatches(hour, at.hour()) &&
    fieldMatches(day, at.date()) &&
    fieldMatches(month, at.month() + 1) &&
    fieldMatches(weekday, at.day()) &&
    fieldMatches(year, at.year())
  );
}

export function timerEvent(trigger: Pick<TimerTrigger, 'name'>, at: Date) {
  return { Type: 'Timer', TriggerName: trigger.name, Time: at.toISOString(), Message: '' };
}

/**
 * Checks every few seconds whether the clock entered a new minute where a trigger fires, and fires
 * it once for that minute. Answers a function that stops the schedule.
 */
export function scheduleTimers(triggers: readonly TimerTrigger[], clock: Clock, fire: (trigger: TimerTrigger, at: Date) => Promise<void>): () => void {
  let lastMinute = Math.floor(clock.now().getTime() / 60_000);
  const tick = () => {
    const now = clock.now();
    const minute = Math.floor(now.getTime() / 60_000);
    // Also every minute skipped since the last tick (a clock moved forward fires what it passed, at most an hour of it).
    for (let m = Math.max(lastMinute + 1, minute - 59); m <= minute; m += 1) {
      const at = new Date(m * 60_000);
      for (const trigger of triggers) if (cronFiresAt(trigger.cron, at)) void fire(trigger, at);
    }
    lastMinute = Math.max(lastMinute, minute);
  };
  const handle = setInterval(tick, 5_000);
  handle.unref();
  return () => clearInterval(handle);
}
