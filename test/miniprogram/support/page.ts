/**
 * Opens a REAL page of the mini-program in miniprogram-simulate: its WXML, WXSS and JSON from
 * `miniprogram/`, its TypeScript through jest's transform (simulate `require`s `<page>` and
 * jest resolves that to `<page>.ts`), and the real TDesign components from
 * `miniprogram/miniprogram_npm`, built the way the app ships them.
 *
 * Each `openPage` loads the page into a fresh module registry (`jest.isolateModules`), as if
 * the app had just been launched: page state never leaks between tests, and several pages
 * can be opened in one test file (a registry keeps one copy of each component's module,
 * which would otherwise register only once).
 *
 * Use with `@jest-environment jsdom`. miniprogram-simulate is loaded untyped on purpose: its
 * typings pull in an older copy of miniprogram-api-typings that clashes with ours.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Backend } from '../../../miniprogram/config';
import { ALL_PAGES } from '../../../miniprogram/routes';
import type { Clock } from '../../../miniprogram/shared/domain/time';
import { pageClock } from './local-runtime';
import { flush, waitFor } from './wait';

const ROOT = path.resolve(__dirname, '../../..');
const MINIPROGRAM = path.join(ROOT, 'miniprogram');
const NPM_PREFIX = 'tdesign-miniprogram/';

/** Just enough of the DOM for tests, without putting DOM types into the mini-program's typecheck. */
export interface DomElement {
  readonly nodeType: number;
  readonly nodeValue: string | null;
  readonly childNodes: ArrayLike<DomElement>;
  readonly textContent: string | null;
  readonly className: string;
  readonly children: ArrayLike<DomElement>;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  appendChild(child: DomElement): unknown;
  dispatchEvent(event: unknown): boolean;
}

interface DomWindow {
  document: { createElement(tag: string): DomElement; body: DomElement };
  TouchEvent: new (type: string, init: object) => unknown;
  Touch: new (init: object) => unknown;
}

interface RenderedComponent {
  readonly dom: DomElement;
  querySelector(selector: string): { dispatchEvent(event: string, options: { detail: object }): void } | undefined;
  readonly data: Record<string, unknown>;
  readonly instance: Record<string, unknown>;
  attach(parent: DomElement): void;
  detach(): void;
}

interface Simulate {
  load(componentPath: string, options: { compiler: 'simulate'; rootPath: string }): string;
  render(id: string, properties?: object): RenderedComponent;
}

const simulate = jest.requireActual<Simulate>('miniprogram-simulate');
const dom = globalThis as unknown as DomWindow;

let npmBuilt = false;

/**
 * Runs scripts/build-miniprogram.ts in its own process: esbuild refuses to run inside jsdom
 * (its typed arrays come from another realm). Concurrent workers are safe: the build writes
 * atomically and only what changed.
 */
export function ensureMiniprogramNpm(): void {
  if (npmBuilt) return;
  const tsx = createRequire(__filename).resolve('tsx/cli');
  execFileSync(process.execPath, [tsx, path.join(ROOT, 'scripts/build-miniprogram.ts')], { stdio: 'pipe' });
  npmBuilt = true;
}

/**
 * simulate resolves usingComponents only as file paths; WeChat also resolves npm package paths
 * (`tdesign-miniprogram/cell/cell`) through `/miniprogram_npm`. Teach simulate that one rule
 * where it reads a component's json. (simulate's `usingComponents` load option is no substitute:
 * it injects every tag into every component, TDesign's own included, and the resulting cycles
 * register components before the ones they use.)
 */
function resolveNpmPathsLikeWeChat(): void {
  const utils = jest.requireActual<{ readJson: (file: string) => unknown; npmAware?: boolean }>('miniprogram-simulate/src/utils');
  if (utils.npmAware) return;
  const readJson = utils.readJson;
  utils.readJson = (file: string) => {
    const json = readJson(file) as { usingComponents?: Record<string, string> } | null;
    for (const [tag, target] of Object.entries(json?.usingComponents ?? {})) {
      if (target.startsWith(NPM_PREFIX) && json?.usingComponents) json.usingComponents[tag] = `/miniprogram_npm/${target}`;
    }
    return json;
  };
  utils.npmAware = true;
}

/** Any page of the app, subpackage pages included. */
export type PageName = keyof typeof ALL_PAGES;

export interface OpenOptions {
  /** Which transport the page's callApi uses; the wx double answers both. */
  backend?: Backend;
  /** The app's clock; in step with the page runtime's by default (see pageClock). */
  clock?: Clock;
  /** Return at once instead of waiting for the page to leave its loading state. */
  whileLoading?: boolean;
  /** Launch the app first (app.ts onLaunch, in the same module registry): a cold start on this page. */
  launch?: boolean;
}

export interface PageDriver {
  /** The page's current data, as WXML sees it. */
  readonly data: Record<string, unknown>;
  /** All text the resident sees, one space between separate pieces. */
  text(): string;
  /** Touches the first element showing exactly `text`, the way a finger does. */
  tap(text: string): Promise<void>;
  /** The root element's classes (the font-scale class lives there). */
  rootClass(): string;
  /** The rendered element itself (the gallery turns it into HTML). */
  element(): DomElement;
  /** The id of the `<style>` simulate wrote for this page and its components (each page load writes its own). */
  readonly styleId: string;
  /** How many rendered elements carry a class containing `fragment` (simulate prefixes classes per component). */
  countClass(fragment: string): number;
  /** Waits for a condition driven by asynchronous work (calls, taps). */
  waitFor(condition: () => boolean, what?: string): Promise<void>;
  /** Types into the native input or textarea matching `selector`, as the keyboard does (an `input` event). */
  type(selector: string, value: string): Promise<void>;
  /** Flips the native switch matching `selector` (a `change` event). */
  toggle(selector: string, value: boolean): Promise<void>;
  /** Runs a page lifecycle hook WeChat would run: `onShow` when the resident comes back, `onReachBottom`. */
  lifecycle(hook: string): Promise<void>;
}

const openPages: RenderedComponent[] = [];

// Pages close after each test, as if the resident left them: nothing stays attached for the next.
afterEach(() => {
  for (const component of openPages.splice(0)) component.detach();
});

/** Opens a page the way WeChat does: create it, attach it, then `onLoad(query)`. */
export async function openPage(name: PageName, query: Record<string, string> = {}, options: OpenOptions = {}): Promise<PageDriver> {
  ensureMiniprogramNpm();
  resolveNpmPathsLikeWeChat();
  installAppGlobals();

  let id = '';
  jest.isolateModules(() => {
    const api = require(path.join(MINIPROGRAM, 'services/api')) as typeof import('../../../miniprogram/services/api');
    api.useBackend(options.backend ?? 'cloud');
    const clock = require(path.join(MINIPROGRAM, 'services/clock')) as typeof import('../../../miniprogram/services/clock');
    clock.useClock(options.clock ?? pageClock());
    if (options.launch) {
      const global = globalThis as { App?: (config: { onLaunch?: () => void }) => void };
      global.App = (config) => config.onLaunch?.();
      // app.ts chooses the back end as at launch; the wx double answers either transport.
      require(path.join(MINIPROGRAM, 'app'));
    }
    id = simulate.load(path.join(MINIPROGRAM, ALL_PAGES[name]), {
      compiler: 'simulate',
      rootPath: MINIPROGRAM,
    });
  });

  const component = simulate.render(id);
  const parent = dom.document.createElement('page-host');
  dom.document.body.appendChild(parent);
  component.attach(parent);
  openPages.push(component);

  const lifecycle = (hook: string, ...args: unknown[]): unknown => {
    const method = component.instance[hook];
    return typeof method === 'function' ? (method as (...a: unknown[]) => unknown).apply(component.instance, args) : undefined;
  };
  void lifecycle('onLoad', query);
  void lifecycle('onShow');
  void lifecycle('onReady');

  const driver: PageDriver = {
    styleId: id,
    get data() {
      return component.data;
    },
    text: () => textPieces(component.dom).join(' '),
    rootClass: () => component.dom.children[0]?.className ?? '',
    element: () => component.dom,
    countClass: (fragment) => component.dom.querySelectorAll(`[class*="${fragment}"]`).length,
    async tap(text) {
      const target = innermostShowing(component.dom, text);
      if (!target) throw new Error(`nothing on the page shows "${text}"; it shows: ${driver.text()}`);
      touch(target);
      await flush(1);
    },
    waitFor: (condition, what = 'condition') => waitFor(condition, what),
    type: (selector, value) => dispatch(selector, 'input', { value }),
    toggle: (selector, value) => dispatch(selector, 'change', { value }),
    async lifecycle(hook) {
      await lifecycle(hook);
      await flush(1);
    },
  };
  async function dispatch(selector: string, event: string, detail: object): Promise<void> {
    const target = component.querySelector(selector);
    if (!target) throw new Error(`nothing on the page matches ${selector}`);
    target.dispatchEvent(event, { detail });
    await flush(1);
  }
  // A page that loads something is ready once it leaves its loading state.
  if (!options.whileLoading) await driver.waitFor(() => component.data.status !== 'loading', `${name} page to finish loading`);
  return driver;
}

function installAppGlobals(): void {
  // TDesign's components read getApp() when they are created; this app keeps no global data.
  (globalThis as { getApp?: () => object }).getApp ??= () => ({});
}

const TEXT_NODE = 3;

function textPieces(node: DomElement): string[] {
  if (node.nodeType === TEXT_NODE) {
    const text = (node.nodeValue ?? '').replace(/\s+/g, ' ').trim();
    return text ? [text] : [];
  }
  const pieces: string[] = [];
  for (let i = 0; i < node.childNodes.length; i += 1) pieces.push(...textPieces(node.childNodes[i] as DomElement));
  return pieces;
}

/** The first element, in reading order, that shows exactly `text` and has no child that does. */
function innermostShowing(root: DomElement, text: string): DomElement | null {
  const shows = (element: DomElement) => (element.textContent ?? '').trim() === text;
  const all = root.querySelectorAll('*');
  for (let i = 0; i < all.length; i += 1) {
    const element = all[i] as DomElement;
    if (shows(element) && !Array.from(element.children).some(shows)) return element;
  }
  return null;
}

/** touchstart then touchend on the element: j-component turns that into a `tap`, as WeChat does. */
function touch(target: DomElement): void {
  const point = () => new dom.Touch({ identifier: 1, target, clientX: 1, clientY: 1, pageX: 1, pageY: 1 });
  target.dispatchEvent(new dom.TouchEvent('touchstart', { bubbles: true, cancelable: true, touches: [point()], changedTouches: [point()] }));
  target.dispatchEvent(new dom.TouchEvent('touchend', { bubbles: true, cancelable: true, touches: [], changedTouches: [point()] }));
}

/**
 * Taps `label`, waits until the tap has led somewhere, and answers where: `trail` is the list a double
 * keeps of it (wx.navigations, a device's redirects, wx.phoneCalls); `what` names the wait in a timeout.
 */
export async function wentTo(page: PageDriver, label: string, trail: readonly string[], what = 'navigation'): Promise<readonly string[]> {
  await page.tap(label);
  await page.waitFor(() => trail.length > 0, what);
  return trail;
}

/** Opens a page and waits until it shows what it loaded (status `ready`); `what` names that in the failure if it never does. */
export async function openReadyPage(name: PageName, query: Record<string, string> = {}, what = `${name} to be ready`): Promise<PageDriver> {
  const page = await openPage(name, query);
  await page.waitFor(() => page.data.status === 'ready', what);
  return page;
}
