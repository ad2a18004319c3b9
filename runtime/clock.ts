/**
 * The local runtime's clock. Production functions read the real time; the local runtime can run at
 * another instant so that a demo of reception day works on any day and a test names the instant it
 * runs at. Every time the runtime hands out (to functions in their invocation context, to
 * `db.serverDate()`, to the outbox) comes from here.
 *
 * - real: the machine's time (the default of `npm start`).
 * - shifted: starts at a chosen instant and runs on from there (`LXQ_NOW=2027-02-15T09:00+08:00 npm start`).
 * - frozen: stays at the chosen instant until told otherwise (tests that step across midnight).
 *
 * Monotone per store: a reading is never earlier than an earlier reading, nor than the last instant
 * the store recorded (`notBefore`, given at start). When the machine clock is set back (or corrected)
 * between or during runs, the clock runs on from that instant at the normal pace instead of dating
 * new records before old ones: ids, ordering, rate-limit windows and deadlines stay in sequence, and
 * a window never lies in the future. Only `set` and `advance`, a deliberate move by a test or an
 * operator, go back.
 */
import { inShanghai, shanghaiInstant, systemClock, type Clock } from '../miniprogram/shared/domain/time';

export interface RuntimeClock extends Clock {
  /** From now on the clock reads `at` (and runs on from there unless frozen). */
  set(at: Date): void;
  advance(ms: number): void;
  /** For the start banner: how this clock relates to real time. */
  describe(): string;
  /** From now on no reading is earlier than `at` (the store's last recorded instant). */
  notBefore(at: Date): void;
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
  /** The latest reading handed out, or the store's last instant: no reading goes below it. */
  let floor = -Infinity;
  /** How far this clock was moved on because the machine clock went back (for the banner). */
  let caughtUp = 0;
  const raw = () => still ?? real.now().getTime() + offset;
  const set = (at: Date) => {
    if (frozen) still = at.getTime();
    else offset = at.getTime() - real.now().getTime();
    floor = -Infinity;
    caughtUp = 0;
  };
  if (setting.at) set(setting.at);
  else if (frozen) set(real.now());
  const shifted = setting.at !== undefined || frozen;
  /** Below the floor, the clock runs on from the floor (a running clock keeps running: windows move on). */
  const read = () => {
    const reading = raw();
    if (reading < floor) {
      caughtUp += floor - reading;
      if (still !== null) still = floor;
      else offset += floor - reading;
      return floor;
    }
    floor = reading;
    return reading;
  };
  return {
    now: () => new Date(read()),
    set,
    advance(ms) {
      if (still !== null) still += ms;
      else offset += ms;
      if (ms < 0) floor = -Infinity;
    },
    notBefore(at) {
      floor = Math.max(floor, at.getTime());
      read();
    },
    describe() {
      const minutes = Math.round(caughtUp / 60_000);
      const moved = caughtUp > 0 ? `; moved on by ${minutes} min to the store's last recorded instant, as the machine clock reads earlier (a clock set back?)` : '';
      if (!shifted) return `real time${moved}`;
      const at = inShanghai(raw()).format('YYYY-MM-DD HH:mm');
      return (frozen ? `frozen at ${at} (Asia/Shanghai)` : `shifted: now ${at} (Asia/Shanghai), running on`) + moved;
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
