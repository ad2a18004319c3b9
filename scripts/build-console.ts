import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
export const CONSOLE_OUT = join(ROOT, 'build', 'console');

/** Builds the staff console (console/, Vue + TDesign + ECharts) with Vite into build/console. */
export async function buildConsole(): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'console', 'vite.config.mts'), logLevel: 'warn' });
}
