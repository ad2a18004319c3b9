/**
 * The one way a page is made. A page declares what is its own — its first data, the model that
 * holds its state and logic, what loading and coming back do, and its event handlers — and the
 * factory does the rest the same way everywhere: the WeChat lifecycle (onLoad with the query,
 * onShow telling the first show from a return), the elderly text size, 重试 after an error, and
 * what happens when something unexpected goes wrong (logged; a failed load shows the error state
 * with its Chinese message, a failed tap a toast — never a page stuck on its spinner), and WeChat's
 * privacy authorization (a page declaring `privacy` renders `<privacy-popup>`).
 *
 * Modelled on Vant Weapp's `VantComponent` wrapper: pages are written with `Component()`, which
 * WeChat supports for pages and miniprogram-simulate can render.
 */
import { fontScaleBehavior } from '../behaviors/font-scale';
import { createPrivacyPrompt } from '../components/privacy-popup/model';
import { toApiError } from '../services/api';
import { navigateBack, onNeedPrivacyAuthorization, requirePrivacyAuthorize, showToast, type PrivacyAnswer } from '../services/wx';

/*
 * WeChat's privacy authorization: WeChat asks before a privacy-scoped API runs and waits for the
 * answer. One listener for the app hands each request to the page in front. Always answered: by
 * the resident in the popup; declined at once when the page in front has no popup or none is in
 * front; declined when the asking page leaves (its listener is off).
 */
type PrivacyResolve = (answer: PrivacyAnswer) => void;

interface PrivacyTarget {
  /** False when the page has no popup. */
  ask(resolve: PrivacyResolve): boolean;
}

let front: PrivacyTarget | null = null;
let listening = false;

function handle(resolve: PrivacyResolve): void {
  if (front?.ask(resolve)) return;
  console.warn('[privacy] asked with no popup in front: declined');
  resolve({ event: 'disagree' });
}

function takePrivacyRequests(target: PrivacyTarget): void {
  front = target;
  if (listening) return;
  listening = true;
  onNeedPrivacyAuthorization(handle);
}

function releasePrivacyRequests(target: PrivacyTarget): void {
  if (front === target) front = null;
}

/** The query a page is opened with, as WeChat hands it over (every value a string). */
export type PageQuery = Record<string, string | undefined>;

/** What a page's model and handlers see of the page. */
export interface PageContext<S extends object, Q extends object = PageQuery> {
  /** The query the page was opened with (`?stationId=…`). */
  readonly query: Q;
  /** Renders a change (setData). Bound to its page: hand it to the model as its `render`. */
  readonly render: (change: Partial<S>) => void;
  /** The page's data as last rendered. */
  data(): Readonly<S>;
}

/** A handler of the page's own: gets the model, the WeChat event and the page. */
// `never` for the event: each page names the event type its handler reads (TapEvent<{ id: string }> …).
export type PageHandler<S extends object, Q extends object, M> = (model: M, event: never, page: PageContext<S, Q>) => unknown;

export interface PageDefinition<S extends object, Q extends object, M> {
  /** Logged with unexpected failures. */
  name: string;
  /** The data the page renders before anything loaded. */
  data: () => S;
  /** Makes the page's model when it loads; a page whose state is all in its data has none. */
  model?: (page: PageContext<S, Q>) => M;
  /** What opening the page starts (and 重试 does again). Left out: the model's own `load()`, when it has one. */
  load?: (model: M, page: PageContext<S, Q>) => unknown;
  /** What coming back to the page does (after a page opened from it closes): a quiet refresh. */
  refresh?: (model: M, page: PageContext<S, Q>) => unknown;
  /** 重试 when it differs from `load`. Left out: the model's own `retry()`, when it has one. */
  retry?: (model: M, page: PageContext<S, Q>) => unknown;
  /** Calls privacy-scoped APIs and shows the popup when WeChat asks; `required` asks on opening, leaves if declined. */
  privacy?: 'onDemand' | 'required';
  /** The page's event handlers by the name the WXML binds (`bind:tap="onCancel"`), and WeChat's page hooks (onReachBottom…). */
  events?: Record<string, PageHandler<S, Q, M>>;
}

interface PageInstance<S extends object> {
  data: S;
  setData(change: Partial<S>): void;
}

/** What one page instance keeps outside its rendered data: its model, its context, whether it has shown once. */
interface Mounted<S extends object, Q extends object, M> {
  model: M;
  context: PageContext<S, Q>;
  shown: boolean;
}

interface PrivacyState {
  prompt: ReturnType<typeof createPrivacyPrompt>;
  target: PrivacyTarget;
  asked: boolean;
}

export const PRIVACY_DECLINED = '未同意隐私保护指引，无法使用此功能';

/**
 * Runs a step of the page; an unexpected failure is logged and shown, never left hanging.
 * A step that finishes at once gives WeChat nothing back: a native `<input>` takes what its
 * bindinput handler returns as its new content. One still under way gives its promise, so the
 * caller (WeChat, a test driving a hook) can wait for it.
 */
function guarded(name: string, step: string, run: () => unknown, onFailure: (message: string) => void): Promise<void> | undefined {
  const fail = (error: unknown) => {
    console.error(`[${name}] ${step} failed`, error);
    onFailure(toApiError(error).message);
  };
  try {
    const result = run();
    if (isPromiseLike(result)) return Promise.resolve(result).then(() => undefined, fail);
  } catch (error) {
    fail(error);
  }
  return undefined;
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

/**
 * Opening (and 重试) for a page that shows one thing it fetches, such as the record its query
 * names: the page's first state at once (its spinner, nothing left from before), then what
 * `fetch` answers.
 */
export function showFetched<S extends object, Q extends object = PageQuery>(initial: () => Partial<S>, fetch: (page: PageContext<S, Q>) => Promise<Partial<S>>) {
  return async (_model: unknown, page: PageContext<S, Q>): Promise<void> => {
    page.render(initial());
    page.render(await fetch(page));
  };
}

/**
 * A page showing the one thing its query names by `key` (`?stationId=…`): its first state, then
 * what `fetch` answers for that id ('' when the query has none), as `showFetched` does. Its model
 * is the id under its name, for the page's handlers. Spread into the definition.
 */
export function showQueried<K extends string, S extends object>(key: K, initial: () => S, fetch: (id: string) => Promise<Partial<S>>) {
  const idOf = (page: PageContext<S>) => page.query[key] ?? '';
  return {
    data: initial,
    model: (page: PageContext<S>) => ({ [key]: idOf(page) }) as Record<K, string>,
    load: showFetched<S>(initial, (page) => fetch(idOf(page))),
  };
}

/** The model's own step by that name: a model that says how it loads needs no glue in its page. */
function ownStep(model: unknown, step: 'load' | 'retry'): (() => unknown) | undefined {
  const method = (model as Partial<Record<typeof step, unknown>> | undefined)?.[step];
  return typeof method === 'function' ? () => method.call(model) : undefined;
}

export function definePage<S extends object, Q extends object = PageQuery, M = unknown>(definition: PageDefinition<S, Q, M>): void {
  const pages = new WeakMap<object, Mounted<S, Q, M>>();
  const privacy = new WeakMap<object, PrivacyState>();
  const { name } = definition;
  const load = (model: M, page: PageContext<S, Q>) => (definition.load ? definition.load(model, page) : ownStep(model, 'load')?.());
  const retry = (model: M, page: PageContext<S, Q>) => {
    if (definition.retry) return definition.retry(model, page);
    const own = ownStep(model, 'retry');
    return own ? own() : load(model, page);
  };

  const privacyOf = (page: PageInstance<S>): PrivacyState => {
    let state = privacy.get(page);
    if (!state) {
      const prompt = createPrivacyPrompt(({ visible }) => page.setData({ privacyVisible: visible } as unknown as Partial<S>));
      const shows = Boolean(definition.privacy);
      state = { prompt, target: { ask: (resolve) => shows && (prompt.ask(resolve), true) }, asked: false };
      privacy.set(page, state);
    }
    return state;
  };
  /** Leaving declines an open request: nobody can answer it now. */
  const leave = (page: PageInstance<S>) => {
    const state = privacyOf(page);
    state.prompt.disagree();
    releasePrivacyRequests(state.target);
  };

  /** A failed load shows the page's error state (its `status`/`errorMessage`, the page-state component's). */
  const failLoad = (page: PageInstance<S>) => (message: string) => page.setData({ status: 'error', errorMessage: message } as unknown as Partial<S>);
  const failTap = (message: string) => showToast(message);

  const methods: Record<string, (this: PageInstance<S>, ...args: never[]) => unknown> = {
    onLoad(this: PageInstance<S>, query?: Q) {
      const context: PageContext<S, Q> = {
        query: (query ?? {}) as Q,
        render: (change) => this.setData(change),
        data: () => this.data,
      };
      // A model that cannot even be made fails the load like any other step: the page says so.
      return guarded(
        name,
        'load',
        () => {
          const model = definition.model ? definition.model(context) : (undefined as M);
          const mounted: Mounted<S, Q, M> = { model, context, shown: false };
          pages.set(this, mounted);
          return load(mounted.model, context);
        },
        failLoad(this),
      );
    },
    /** WeChat shows a page right after loading it, and again whenever the user comes back to it. */
    onShow(this: PageInstance<S>) {
      const state = privacyOf(this);
      takePrivacyRequests(state.target);
      if (definition.privacy === 'required' && !state.asked) {
        state.asked = true;
        void requirePrivacyAuthorize().then((agreed) => {
          if (!agreed) navigateBack();
        });
      }
      const mounted = pages.get(this);
      if (!mounted) return undefined;
      if (!mounted.shown) {
        mounted.shown = true;
        return undefined;
      }
      const { refresh } = definition;
      return refresh
        ? guarded(
            name,
            'refresh',
            () => refresh(mounted.model, mounted.context),
            (message) => console.warn(`[${name}] refresh: ${message}`),
          )
        : undefined;
    },
    onHide(this: PageInstance<S>) {
      leave(this);
    },
    onUnload(this: PageInstance<S>) {
      leave(this);
    },
    onPrivacyAgree(this: PageInstance<S>) {
      privacyOf(this).prompt.agree();
    },
    onPrivacyDisagree(this: PageInstance<S>) {
      if (privacyOf(this).prompt.disagree()) showToast(PRIVACY_DECLINED);
    },
    onRetry(this: PageInstance<S>) {
      const mounted = pages.get(this);
      if (!mounted) return undefined;
      return guarded(name, 'retry', () => retry(mounted.model, mounted.context), failLoad(this));
    },
  };
  for (const [event, handler] of Object.entries(definition.events ?? {})) {
    if (event in methods) throw new Error(`[${name}] ${event} is the factory's: declare load, refresh or retry instead`);
    methods[event] = function (this: PageInstance<S>, ...args: never[]) {
      const mounted = pages.get(this);
      if (!mounted) return undefined;
      return guarded(name, event, () => handler(mounted.model, args[0] as never, mounted.context), failTap);
    };
  }

  Component({
    behaviors: [fontScaleBehavior],
    data: { ...definition.data(), privacyVisible: false },
    methods,
  });
}
