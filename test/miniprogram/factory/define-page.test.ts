/**
 * The page factory on its own, the way WeChat drives a page: `Component()` is captured, and the
 * test calls the hooks and handlers WeChat would, on an instance with `data` and `setData`.
 * The pages themselves are tested through miniprogram-simulate (test/miniprogram/pages).
 */
import type * as DefinePage from '../../../miniprogram/factory/define-page';
import { messageFor } from '../../../miniprogram/shared/errors';
import { freshApp } from '../support/fresh-app';
import { fixtureFunctions, installWx, type WxDouble } from '../support/wx-double';

type Hook = (this: Instance, ...args: unknown[]) => unknown;
type Options = { behaviors: unknown[]; data: Record<string, unknown>; methods: Record<string, Hook> };

/** What WeChat makes of a page: its data, setData, and the methods the factory gave it. */
class Instance {
  constructor(
    readonly options: Options,
    public data: Record<string, unknown> = { ...options.data },
  ) {}
  setData(change: Record<string, unknown>) {
    this.data = { ...this.data, ...change };
  }
  call(hook: string, ...args: unknown[]): unknown {
    const method = this.options.methods[hook];
    if (!method) throw new Error(`the page has no ${hook}`);
    return method.apply(this, args);
  }
}

const globals = globalThis as unknown as { Component?: (options: Options) => void; Behavior?: (options: object) => object };
let wx: WxDouble;

beforeEach(() => {
  wx = installWx({ functions: fixtureFunctions({}) });
  globals.Behavior = (options) => options;
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => {
  jest.restoreAllMocks();
  delete globals.Component;
  delete globals.Behavior;
});

/** Defines a page with a fresh factory and opens it as WeChat would: made, then onLoad(query). */
function open(define: (factory: typeof DefinePage) => void, query: Record<string, string> = {}): { page: Instance; loaded: unknown } {
  let options: Options | undefined;
  globals.Component = (given) => {
    options = given;
  };
  define(freshApp<typeof DefinePage>('factory/define-page'));
  if (!options) throw new Error('the page never called Component()');
  const page = new Instance(options);
  return { page, loaded: page.call('onLoad', query) };
}

interface Counter {
  count: number;
  status: string;
  errorMessage: string;
}

const counter = (): Counter => ({ count: 0, status: 'loading', errorMessage: '' });

describe('definePage', () => {
  it('makes the model from the query, loads once, and refreshes only when the resident comes back', async () => {
    const calls: string[] = [];
    const { page, loaded } = open(
      ({ definePage }) =>
        definePage({
          name: 'counter',
          data: counter,
          model: (ctx) => ({ step: Number(ctx.query.step ?? '1') }),
          load: async ({ step }, ctx) => {
            calls.push('load');
            ctx.render({ count: ctx.data().count + step, status: 'ready' });
          },
          refresh: ({ step }, ctx) => {
            calls.push('refresh');
            ctx.render({ count: ctx.data().count + step });
          },
        }),
      { step: '5' },
    );
    await loaded;
    await page.call('onShow');
    expect(calls).toEqual(['load']);
    expect(page.data.count).toBe(5);

    await page.call('onShow');
    expect(calls).toEqual(['load', 'refresh']);
    expect(page.data.count).toBe(10);
  });

  it('needs no model for a page whose state is all in its data: handlers read the query and the data', async () => {
    const { page, loaded } = open(
      ({ definePage }) =>
        definePage({
          name: 'data-only',
          data: () => ({ ...counter(), opened: '' }),
          load: (_model, ctx) => ctx.render({ status: 'ready', opened: ctx.query.id ?? '' }),
          events: { onTap: (_model, _event, ctx) => ctx.render({ count: ctx.data().count + 1 }) },
        }),
      { id: 'st-1' },
    );
    await loaded;
    page.call('onTap');
    expect(page.data).toMatchObject({ status: 'ready', opened: 'st-1', count: 1 });
  });

  it('refuses a page that would take over a hook of its own', () => {
    expect(() => open(({ definePage }) => definePage({ name: 'greedy', data: counter, events: { onShow: () => undefined } }))).toThrow(
      "[greedy] onShow is the factory's: declare load, refresh or retry instead",
    );
  });

  it('gives every page the elderly text size', () => {
    const { page } = open(({ definePage }) => definePage({ name: 'plain', data: counter, model: () => ({}) }));
    // The font-scale behavior (Behavior() is the identity here): it gives the page `fontScale`.
    expect(page.options.behaviors).toEqual([expect.objectContaining({ data: { fontScale: 'large' } })]);
  });

  it('runs load again on 重试, or retry where the page has its own', async () => {
    const calls: string[] = [];
    const loadOnly = open(({ definePage }) => definePage({ name: 'a', data: counter, model: () => ({}), load: () => void calls.push('load') }));
    loadOnly.page.call('onRetry');
    const withRetry = open(({ definePage }) =>
      definePage({ name: 'b', data: counter, model: () => ({}), load: () => void calls.push('load b'), retry: () => void calls.push('retry b') }),
    );
    withRetry.page.call('onRetry');
    expect(calls).toEqual(['load', 'load', 'load b', 'retry b']);
  });

  it('showFetched shows the first state at once, then what the query fetches; 重试 starts over from the spinner', async () => {
    const seen: string[] = [];
    const { page, loaded } = open(
      ({ definePage, showFetched }) =>
        definePage({
          name: 'fetched',
          data: counter,
          load: showFetched(counter, async (ctx) => {
            seen.push(ctx.data().status);
            return { count: Number(ctx.query.count), status: 'ready' };
          }),
        }),
      { count: '3' },
    );
    await loaded;
    expect(page.data).toMatchObject({ count: 3, status: 'ready' });
    const retried = page.call('onRetry');
    expect(page.data.status).toBe('loading');
    await retried;
    expect(seen).toEqual(['loading', 'loading']);
  });

  it('showQueried fetches what the query names (nothing named: an empty id) and hands the id to the handlers', async () => {
    const fetched: string[] = [];
    const define = ({ definePage, showQueried }: typeof DefinePage) =>
      definePage({
        name: 'queried',
        ...showQueried('stationId', counter, async (id) => {
          fetched.push(id);
          return { status: 'ready' };
        }),
        events: { onOpen: ({ stationId }) => void fetched.push(`opened ${stationId}`) },
      });
    const named = open(define, { stationId: 's1' });
    await named.loaded;
    expect(named.page.data.status).toBe('ready');
    named.page.call('onOpen');
    await open(define).loaded;
    expect(fetched).toEqual(['s1', 'opened s1', '']);
  });

  it('lets a model that says how it loads stand for load and 重试, unless the page declares its own', async () => {
    const calls: string[] = [];
    const loadsItself = () => ({ load: () => void calls.push('model load') });
    const retriesItself = () => ({ load: () => void calls.push('model load'), retry: () => void calls.push('model retry') });
    open(({ definePage }) => definePage({ name: 'a', data: counter, model: loadsItself })).page.call('onRetry');
    open(({ definePage }) => definePage({ name: 'b', data: counter, model: retriesItself })).page.call('onRetry');
    open(({ definePage }) => definePage({ name: 'c', data: counter, model: retriesItself, load: () => void calls.push('page load') })).page.call('onRetry');
    expect(calls).toEqual(['model load', 'model load', 'model load', 'model retry', 'page load', 'model retry']);
  });

  it('hands handlers the model, the event and the page, and keeps one model per page instance', () => {
    const define = ({ definePage }: typeof DefinePage) =>
      definePage({
        name: 'taps',
        data: counter,
        model: () => ({ taps: [] as string[] }),
        events: {
          onTap: (model, event: { detail: { value: string } }, ctx) => {
            model.taps.push(event.detail.value);
            ctx.render({ count: model.taps.length });
          },
        },
      });
    const first = open(define).page;
    const second = open(define).page;
    first.call('onTap', { detail: { value: 'a' } });
    first.call('onTap', { detail: { value: 'b' } });
    second.call('onTap', { detail: { value: 'c' } });
    expect(first.data.count).toBe(2);
    expect(second.data.count).toBe(1);
  });

  it('gives WeChat nothing back from a handler that finishes at once (a native input would show it), and the promise of one still under way', async () => {
    let finished = false;
    const { page } = open(({ definePage }) =>
      definePage({
        name: 'inputs',
        data: counter,
        model: () => ({}),
        events: {
          onInput: () => 'typed',
          onSave: async () => {
            await Promise.resolve();
            finished = true;
          },
        },
      }),
    );
    expect(page.call('onInput', { detail: { value: 'x' } })).toBeUndefined();
    const saving = page.call('onSave');
    expect(saving).toBeInstanceOf(Promise);
    await saving;
    expect(finished).toBe(true);
  });

  it('shows the error state with 重试 when loading fails unexpectedly, never a page stuck loading', async () => {
    const { page, loaded } = open(({ definePage }) =>
      definePage({
        name: 'broken',
        data: counter,
        model: () => ({}),
        load: async () => {
          throw new Error('boom');
        },
      }),
    );
    await loaded;
    expect(page.data).toMatchObject({ status: 'error', errorMessage: messageFor('COMMON.INTERNAL') });
    expect(console.error).toHaveBeenCalledWith('[broken] load failed', expect.any(Error));
  });

  it('shows the error state when the model cannot even be made', () => {
    const { page } = open(({ definePage }) =>
      definePage({
        name: 'no-model',
        data: counter,
        model: () => {
          throw new Error('boom');
        },
        events: { onTap: () => wx.toasts.push('tapped') },
      }),
    );
    expect(page.data.status).toBe('error');
    expect(page.call('onTap')).toBeUndefined();
    expect(wx.toasts).toEqual([]);
  });

  it('tells the resident with a toast when a tap fails unexpectedly, whether at once or later', async () => {
    const { page } = open(({ definePage }) =>
      definePage({
        name: 'taps',
        data: counter,
        model: () => ({}),
        events: {
          onNow: () => {
            throw new Error('now');
          },
          onLater: async () => {
            throw new Error('later');
          },
        },
      }),
    );
    page.call('onNow');
    await page.call('onLater');
    expect(wx.toasts).toEqual([messageFor('COMMON.INTERNAL'), messageFor('COMMON.INTERNAL')]);
  });

  it('keeps what is on screen when a refresh on return fails', async () => {
    const { page, loaded } = open(({ definePage }) =>
      definePage({
        name: 'quiet',
        data: counter,
        model: () => ({}),
        load: (_model, ctx) => ctx.render({ status: 'ready', count: 1 }),
        refresh: async () => {
          throw new Error('offline');
        },
      }),
    );
    await loaded;
    page.call('onShow');
    await page.call('onShow');
    expect(page.data).toMatchObject({ status: 'ready', count: 1 });
    expect(wx.toasts).toEqual([]);
    expect(console.warn).toHaveBeenCalledWith(`[quiet] refresh: ${messageFor('COMMON.INTERNAL')}`);
  });
});

describe('privacy authorization, owned by the factory', () => {
  type Resolve = (answer: unknown) => void;
  /** WeChat's privacy capabilities on the double: the listener the app registers, and requirePrivacyAuthorize answered by the test. */
  function privacyWx(required: { agreed: boolean } = { agreed: true }) {
    const recorded = { listeners: [] as Array<(resolve: Resolve) => void>, required: 0, back: 0 };
    Object.assign((globalThis as unknown as { wx: object }).wx, {
      onNeedPrivacyAuthorization: (listener: (resolve: Resolve) => void) => void recorded.listeners.push(listener),
      requirePrivacyAuthorize: (call: { success: () => void; fail: () => void }) => {
        recorded.required += 1;
        Promise.resolve().then(() => (required.agreed ? call.success() : call.fail()));
      },
      navigateBack: (call: { success?: () => void }) => {
        recorded.back += 1;
        call.success?.();
      },
    });
    return recorded;
  }
  const ask = (recorded: ReturnType<typeof privacyWx>) => {
    const answers: unknown[] = [];
    recorded.listeners.at(-1)!((answer) => answers.push(answer));
    return answers;
  };
  const page = (privacy?: 'onDemand' | 'required') =>
    open(({ definePage }) => definePage({ name: 'privacy', data: () => ({ status: 'ready' }), ...(privacy ? { privacy } : {}) })).page;
  /** A page shown in front, with WeChat's privacy capabilities recorded. */
  const shownPage = async (privacy?: 'onDemand') => {
    const recorded = privacyWx();
    const shown = page(privacy);
    await shown.call('onShow');
    return { recorded, shown };
  };

  it('shows the popup on the page in front and answers WeChat with the resident’s 同意, once', async () => {
    const { recorded, shown } = await shownPage('onDemand');
    expect(recorded.listeners).toHaveLength(1);

    const answers = ask(recorded);
    expect(shown.data.privacyVisible).toBe(true);
    shown.call('onPrivacyAgree');
    shown.call('onPrivacyAgree');
    expect(answers).toEqual([{ event: 'agree', buttonId: 'privacy-agree' }]);
    expect(shown.data.privacyVisible).toBe(false);
  });

  it('不同意 answers WeChat and says why the feature will not work', async () => {
    const { recorded, shown } = await shownPage('onDemand');
    const answers = ask(recorded);
    shown.call('onPrivacyDisagree');
    expect(answers).toEqual([{ event: 'disagree' }]);
    expect(wx.toasts).toEqual(['未同意隐私保护指引，无法使用此功能']);
  });

  it('never leaves a call waiting: a page that leaves declines its open request, and its listener is off', async () => {
    const { recorded, shown } = await shownPage('onDemand');
    const open = ask(recorded);

    shown.call('onUnload');
    expect(open).toEqual([{ event: 'disagree' }]);
    expect(shown.data.privacyVisible).toBe(false);

    // Nobody in front any more: WeChat's next request is declined at once, not shown on a closed page.
    const later = ask(recorded);
    expect(later).toEqual([{ event: 'disagree' }]);
    expect(shown.data.privacyVisible).toBe(false);
  });

  it('a page with no popup declines at once instead of leaving the call waiting', async () => {
    const { recorded, shown: plain } = await shownPage();
    expect(ask(recorded)).toEqual([{ event: 'disagree' }]);
    expect(plain.data.privacyVisible).toBe(false);
  });

  it('a required page asks as it first shows, once, and leaves when the resident declines', async () => {
    const recorded = privacyWx({ agreed: false });
    const form = page('required');
    await form.call('onShow');
    await form.call('onHide');
    await form.call('onShow');
    await new Promise((resolve) => setImmediate(resolve));
    expect(recorded.required).toBe(1);
    expect(recorded.back).toBe(1);
  });
});
