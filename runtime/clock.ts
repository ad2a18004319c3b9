/**
 * The local runtime's clock. Production functions read the real time; the local runtime can run at
 * another instant so that a demo of reception day works on any day and a test names the instant it
 * runs at. Every time the runtime hands out (to functions in their invocation context, to
 * `db.serverDate()`, to the outbox) comes from here.
 *
 * - real: the machine's time (the default of `npm start`).
 * - shifted: starts at a chosen instant and runs on from there (`LXQ_NOW=2027-02-15T09:00+08:00 npm start`).
 * - frozen: stays at the chosen instant until told otherwise (tests that step across midnight).
 */
import { inShanghai, shanghaiInstant, systemClock, type Clock } from '../miniprogram/shared/domain/time';

export interface RuntimeClock extends Clock {
  /** From now on the clock reads `at` (and runs on from there unless frozen). */
  set(at: Date): void;
  advance(ms: number): void;
  /** For the start banner: how this clock relates to real time. */
  describe(): string;
}

export interface ClockSetting {
  /** Where the clock starts; absent: real time. */
  at?: Date;
  frozen?: boolean;
}

export function runtimeClock(setting: ClockSetting = {}, real: Clock = systemClock): RuntimeClock {
  const frozen = setting.frozen ?? false;
  let offset = 0;
  let still: number | null = null;
  const set = (at: Date) => {
    if (frozen) still = at.getTime();
    else offset = at.getTime() - real.now().getTime();
  };
  if (setting.at) set(setting.at);
  else if (frozen) set(real.now());
  const shifted = setting.at !== undefined || frozen;
  return {
    now: () => new Date(still ?? real.now().getTime() + offset),
    set,
    advance(ms) {
      if (still !== null) still += ms;
      else offset += ms;
    },
    describe() {
      if (!shifted) return 'real time';
      const at = inShanghai(still ?? real.now().getTime() + offset).format('YYYY-MM-DD HH:mm');
      return frozen ? `frozen at ${at} (Asia/Shanghai)` : `shifted: now ${at} (Asia/Shanghai), running on`;
    },
  };
}

const SHANGHAI_WALL_CLOCK = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}))?$/;

/**
 * An instant as written by a person: ISO 8601 with its offset (`2027-02-15T09:00+08:00`), or a
 * Shanghai date with an optional wall-clock time (`2027-02-15`, `2027-02-15 09:00`: 09:00 when left out).
 */
export function parseInstant(text: string): Date {
  const wall = SHANGHAI_WALL_CLOCK.exec(text.trim());
  const at = wall ? shanghaiInstant(wall[1] as string, wall[2] ?? '09:00') : new Date(text);
  if (Number.isNaN(at.getTime()) || !/\d{4}-\d{2}-\d{2}/.test(text)) {
    throw new Error(`not an instant: "${text}" (write 2027-02-15T09:00+08:00, or a Shanghai date and time: 2027-02-15 09:00)`);
  }
  return at;
}

/** `LXQ_NOW` (an instant, see parseInstant) and `LXQ_CLOCK=frozen`. */
export function clockSettingFromEnv(env: NodeJS.ProcessEnv): ClockSetting {
  const setting: ClockSetting = {};
  if (env.LXQ_NOW) setting.at = parseInstant(env.LXQ_NOW);
  if (env.LXQ_CLOCK === 'frozen') setting.frozen = true;
  else if (env.LXQ_CLOCK && env.LXQ_CLOCK !== 'running') throw new Error(`LXQ_CLOCK must be "frozen" or "running", got "${env.LXQ_CLOCK}"`);
  return setting;
}
