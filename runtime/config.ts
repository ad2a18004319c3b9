import { resolve } from 'node:path';
import { clockSettingFromEnv, type ClockSetting } from './clock';

/** Where the local runtime listens and keeps its data; all overridable by environment. */
export interface RuntimeConfig {
  host: string;
  port: number;
  dataDir: string;
  /** The CloudBase environment id the functions believe they run in. */
  envId: string;
  /** Where the runtime's clock starts (LXQ_NOW, LXQ_CLOCK); real time by default. */
  clock: ClockSetting;
  /**
   * Which code serves the functions: `build` runs the bundles `npm run build` made (what is deployed);
   * `source` runs the TypeScript in cloudfunctions/ as it is (tests; the process must load .ts).
   */
  functions: 'build' | 'source';
  /** Fire the functions' timer triggers when the clock reaches them (off in tests, which fire them by hand). */
  timers: boolean;
}

export const DEFAULT_PORT = 3900;

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  const port = env.PORT ? Number(env.PORT) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  return {
    host: '127.0.0.1',
    port,
    dataDir: resolve(env.DATA_DIR ?? resolve(__dirname, '..', '.data', 'local')),
    envId: env.TCB_ENV ?? 'lianxinqiao-local',
    clock: clockSettingFromEnv(env),
    functions: 'build',
    timers: true,
  };
}
