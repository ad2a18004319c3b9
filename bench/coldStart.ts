/**
 * Each function's bundle size and cold start, beside the build this project shipped before
 * issue 12 (unminified, node-sdk installed beside the bundle instead of bundled, source maps in
 * the upload), which is rebuilt here so both are measured on the same machine at the same time.
 *
 * Cold start: a fresh `node` process loads the function and answers one invocation (the router's
 * answer to an action it does not serve, so no database is involved and the figure is what the
 * platform's cold start adds). "in-process" is from requiring index.js to the answer; "to answer"
 * counts from the process's start, Node's own boot included. Medians of RUNS processes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { sdkEnvironment } from '../runtime/functions/sdkEnvironment';
import { bundleSize, FUNCTIONS_OUT, functionNames } from '../scripts/build';

const ROOT = resolve(__dirname, '..');
const RUNS = 7;
const PROBE = join(__dirname, 'coldStartProbe.js');

interface ColdStart {
  toAnswer: number;
  inProcess: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function measure(entry: string, env: NodeJS.ProcessEnv): ColdStart {
  const runs: ColdStart[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const child = spawnSync(process.execPath, [PROBE, entry], { env, encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`cold start of ${entry} failed: ${child.stderr}`);
    const line = JSON.parse(child.stdout.trim()) as { processToAnswerMs: number; inProcessMs: number };
    runs.push({ toAnswer: line.processToAnswerMs, inProcess: line.inProcessMs });
  }
  return { toAnswer: median(runs.map((r) => r.toAnswer)), inProcess: median(runs.map((r) => r.inProcess)) };
}

/** The pre-issue-12 build of one function: what was uploaded then, with node-sdk resolved from node_modules as the server install gave it. */
async function buildBefore(name: string, outdir: string): Promise<string> {
  const outfile = join(outdir, name, 'index.js');
  await build({
    entryPoints: [join(ROOT, 'cloudfunctions', name, 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    external: ['@cloudbase/node-sdk'],
    sourcemap: true,
    legalComments: 'none',
    logLevel: 'error',
  });
  return outfile;
}

export async function measureColdStarts(): Promise<Array<Array<string | number>>> {
  const env = { ...process.env, ...sdkEnvironment('http://127.0.0.1:9/admin', 'bench-cold-start') };
  const beforeDir = mkdtempSync(join(tmpdir(), 'lxq-before-'));
  const rows: Array<Array<string | number>> = [];
  const kb = (bytes: number) => Math.round(bytes / 1024);
  try {
    for (const name of functionNames()) {
      const beforeEntry = await buildBefore(name, beforeDir);
      const beforeBytes = statSync(beforeEntry).size + statSync(`${beforeEntry}.map`).size;
      const before = measure(beforeEntry, { ...env, NODE_PATH: join(ROOT, 'node_modules') });
      const size = bundleSize(name);
      const now = measure(join(FUNCTIONS_OUT, name, 'index.js'), env);
      rows.push([
        name,
        kb(beforeBytes),
        kb(size.own),
        kb(size.total - size.own),
        Math.round(before.inProcess),
        Math.round(now.inProcess),
        Math.round(before.toAnswer),
        Math.round(now.toAnswer),
      ]);
    }
  } finally {
    rmSync(beforeDir, { recursive: true, force: true });
  }
  return rows;
}

export const COLD_START_HEADERS = ['function', 'before KB', 'own KB', 'vendor KB', 'in-process ms before', 'now', 'to answer ms before', 'now'];
