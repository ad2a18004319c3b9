import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { decodeSignInScene } from '../../miniprogram/shared/domain/consoleSignIn';
import { CONSOLE_DIST } from '../../runtime/httpAccess';
import { ok, startTestRuntime, type TestRuntime } from './runtime';

/**
 * The staff console in a real browser: Debian's chromium driven by playwright-core, against a test
 * runtime serving the built console (npm test builds it first). Screenshots of every page go to
 * test-results/console (gitignored) for review.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = resolve(__dirname, '..', '..', 'test-results', 'console');

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no chromium at ${CHROMIUM}: apt-get install -y chromium (.ci/run does)`);
  if (!existsSync(join(CONSOLE_DIST, 'index.html'))) throw new Error('the console is not built: npm run build (npm test builds it)');
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

/** A page whose clock reads the runtime's instant, so "this month" is the test's month. */
export async function openConsole(browser: Browser, t: TestRuntime): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1360, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.clock.setFixedTime(t.clock.now());
  await page.goto(`${t.runtime.url}/console/`);
  return page;
}

/** What the phone's camera would read: the mini-program code shown on the sign-in screen, decoded. */
export async function scanSignInCode(page: Page): Promise<string> {
  const code = page.getByTestId('signin-code');
  await code.waitFor();
  const png = PNG.sync.read(await code.screenshot());
  const read = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (!read) throw new Error('the sign-in code did not scan');
  const scene = new URL(read.data).searchParams.get('scene') ?? '';
  const ticketId = decodeSignInScene(scene);
  if (!ticketId) throw new Error(`the code's scene names no ticket: ${read.data}`);
  return ticketId;
}

/** Signs the console in by the scan flow: the code is scanned, and the staff member confirms in the mini-program. */
export async function signInByScan(page: Page, t: TestRuntime, openid: string): Promise<void> {
  const ticketId = await scanSignInCode(page);
  ok(await t.call('console.confirmTicket', { ticketId }, { openid }));
  await page.getByRole('button', { name: '退出登录' }).waitFor({ timeout: 15_000 });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export interface ConsoleSession {
  t: TestRuntime;
  browser: Browser;
  page: Page;
}

export interface ConsoleSessionOptions {
  /** Who signs in by scan; without it the console stays on its sign-in screen. */
  signInAs?: string;
  /** The console route (after `#/`) to open once signed in, ready when its level-1 heading shows. */
  route?: { path: string; heading: string };
  /** How long start-up may take, in ms. */
  timeout?: number;
}

/**
 * The set-up console tests share: a test runtime and a browser for the test file, the console
 * opened (and signed in, and on a route, when asked), all closed after the file's tests.
 * `take` receives them once they are ready.
 */
export function useConsoleSession(options: ConsoleSessionOptions, take: (session: ConsoleSession) => void): void {
  let t: TestRuntime | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestRuntime(), launchBrowser()]);
    const page = await openConsole(browser, t);
    if (options.signInAs) await signInByScan(page, t, options.signInAs);
    if (options.route) {
      await page.goto(`${t.runtime.url}/console/#/${options.route.path}`);
      await page.getByRole('heading', { name: options.route.heading, level: 1 }).waitFor();
    }
    take({ t, browser, page });
  }, options.timeout ?? 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });
}
