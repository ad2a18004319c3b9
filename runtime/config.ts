import { resolve } from 'node:path';
import { clockSettingFromEnv, type ClockSetting } from './clock';
import { planLimitsFromEnv, type PlanLimits } from './limits';

/** Where the local runtime listens and keeps its data; all overridable by environment. */
export interface RuntimeConfig {
  /** Where it listens: loopback unless LXQ_HOST says otherwise (e.g. 0.0.0.0 to reach it from a phone). */
  host: string;
  /** Host names accepted in the Host header besides loopback and `host` (LXQ_ALLOWED_HOSTS, comma-separated). */
  allowedHosts: string[];
  /** The token /admin and /outbox require (LXQ_RUNTIME_TOKEN; a fresh random one per start otherwise). */
  token?: string;
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
  /**
   * A factor on every declared rate limit (miniprogram/shared/rateLimits.ts): 1 runs them as
   * declared; tests that are not about limits raise them (LXQ_RATE_LIMIT_SCALE for a demo).
   */
  rateLimitScale: number;
  /** A CloudBase plan's limits to enforce (LXQ_DB_QPS, LXQ_DB_CONNECTIONS, LXQ_FN_CONCURRENCY, LXQ_FN_TIMEOUT_MS; runtime/limits.ts); none by default. */
  limits: PlanLimits;
}

export const DEFAULT_PORT = 3900;

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  const port = env.PORT ? Number(env.PORT) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  return {
    host: env.LXQ_HOST || '127.0.0.1',
    allowedHosts: (env.LXQ_ALLOWED_HOSTS ?? '')
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean),
    ...(env.LXQ_RUNTIME_TOKEN ? { token: env.LXQ_RUNTIME_TOKEN } : {}),
    port,
    dataDir: resolve(env.DATA_DIR ?? resolve(__dirname, '..', '.data', 'local')),
    envId: env.TCB_ENV ?? 'lianxinqiao-local',
    clock: clockSettingFromEnv(env),
    functions: 'build',
    timers: true,
    rateLimitScale: rateLimitScaleFromEnv(env.LXQ_RATE_LIMIT_SCALE),
    limits: planLimitsFromEnv(env),
  };
}

function rateLimitScaleFromEnv(value: string | undefined): number {
  if (value === undefined || value === '') return 1;
  const scale = Number(value);
  if (!Number.isFinite(scale) || scale < 1) throw new Error(`LXQ_RATE_LIMIT_SCALE must be a number of at least 1, got ${value}`);
  return scale;
}
