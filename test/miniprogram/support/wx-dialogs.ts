/**
 * The system dialogs a booking goes through, added to an installed `wx` double: the
 * confirm dialog (wx.showModal), the subscribe-message panel and going back a page. Tests say
 * what the resident answers (`answers`, `subscribe`) and read what they were asked.
 */
import { WxFail } from './wx-double';

export interface DialogDouble {
  /** Every question asked with wx.showModal. */
  modals: Array<{ title: string; content: string; confirmText?: string; cancelText?: string }>;
  /** The answers to the next dialogs, in order: true taps the confirm button. Yes once they run out. */
  answers: boolean[];
  /** What the resident does in the subscribe panel: allow, refuse, or the panel fails to open. */
  subscribe: 'accept' | 'reject' | 'fail';
  /** The template ids of every subscribe panel shown. */
  subscribeRequests: string[][];
  /** How many times the app went back a page. */
  backs: number;
}

interface Callbacks<T> {
  success?: (result: T) => void;
  fail?: (error: unknown) => void;
}

export function installDialogs(): DialogDouble {
  const dialogs: DialogDouble = { modals: [], answers: [], subscribe: 'accept', subscribeRequests: [], backs: 0 };
  const settle = <T>(callbacks: Callbacks<T>, run: () => T): void => {
    Promise.resolve()
      .then(run)
      .then(
        (result) => callbacks.success?.(result),
        (error: unknown) => callbacks.fail?.(error),
      );
  };
  const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
  Object.assign(wx, {
    showModal: (call: Callbacks<{ confirm: boolean; cancel: boolean }> & { title: string; content: string; confirmText?: string; cancelText?: string }) =>
      settle(call, () => {
        dialogs.modals.push({ title: call.title, content: call.content, confirmText: call.confirmText, cancelText: call.cancelText });
        const yes = dialogs.answers.shift() ?? true;
        return { confirm: yes, cancel: !yes };
      }),
    requestSubscribeMessage: (call: Callbacks<Record<string, string>> & { tmplIds: string[] }) =>
      settle(call, () => {
        dialogs.subscribeRequests.push(call.tmplIds);
        if (dialogs.subscribe === 'fail') throw new WxFail('requestSubscribeMessage:fail can only be invoked by user TAP gesture.');
        return Object.fromEntries([...call.tmplIds.map((id) => [id, dialogs.subscribe]), ['errMsg', 'requestSubscribeMessage:ok']]);
      }),
    navigateBack: (call: Callbacks<object>) =>
      settle(call, () => {
        dialogs.backs += 1;
        return { errMsg: 'navigateBack:ok' };
      }),
  });
  return dialogs;
}

/** The query of a URL the app navigated to, to open that page in a test with it. */
export function queryOf(url: string): Record<string, string> {
  const query = url.split('?')[1] ?? '';
  return Object.fromEntries(
    query
      .split('&')
      .filter(Boolean)
      .map((pair) => pair.split('=').map(decodeURIComponent) as [string, string]),
  );
}
