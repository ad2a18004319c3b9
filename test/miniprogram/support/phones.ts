/**
 * The set-up most page tests share: one local runtime for the test file (started before its
 * tests, stopped after them) and phones on it, each signed in as one account, with the device
 * and the dialogs installed, opening pages the way the app does.
 */
import type { PageDriver } from './page';
import { usePageRuntime, type PageRuntime } from './local-runtime';
import { installDevice } from './wx-device';
import { installDialogs, queryOf } from './wx-dialogs';
import { installWx, localRuntimeFunctions, type WxDouble } from './wx-double';

export interface PagePhones {
  /** This file's runtime; its url and clock are there once the file's beforeAll has run. */
  runtime: PageRuntime;
  /** A phone signed in as `openid`: its wx double on this runtime, with the device and the dialogs. */
  phoneOf(openid: string): WxDouble;
}

/** Starts a page runtime for the test file that calls it (at the instant named, ORDINARY_MORNING by default). */
export function usePagePhones(options: { at?: Date } = {}): PagePhones {
  const runtime = usePageRuntime(options);
  return {
    runtime,
    phoneOf(openid) {
      const wx = installWx({ functions: localRuntimeFunctions(runtime.url, openid) });
      installDevice(wx, { runtimeUrl: runtime.url });
      installDialogs();
      return wx;
    },
  };
}

/** The query of the page a tap opened last (waits for it to be opened). */
export async function openedFrom(wx: WxDouble, page: PageDriver, what: string): Promise<Record<string, string>> {
  await page.waitFor(() => wx.navigations.length > 0, what);
  return queryOf(wx.navigations[wx.navigations.length - 1] as string);
}
