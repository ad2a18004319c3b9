/**
 * Local WeChat open APIs: answers what CloudBase answers for node-sdk's `app.callWxOpenApi`.
 *
 * Routing (for the runtime's HTTP server): every POST to the SDK endpoint (…/admin) whose JSON
 * body has `action: "wx.api"` goes to `handle(body)`; answer HTTP 200 with the returned object
 * as JSON. No other HTTP path is needed.
 *
 * What node-sdk 3.18.3 sends (src/wx/index.ts): `{ action: "wx.api", apiName, requestData, envName,
 * wxCloudApiToken, … }` with `requestData` = JSON.stringify(the API's body) or "" when none.
 * What it reads back: `data.responseData`, which it JSON.parses when it can (falling back to the
 * raw string) and returns as `{ result, requestId }`; a truthy top-level `code` makes it throw.
 *
 * What handle() answers:
 * - `{ requestId, data: { responseData } }` where responseData is WeChat's JSON reply as text:
 *   `{ errcode: 0, errmsg: "ok", … }` on success, `{ errcode, errmsg }` on a WeChat refusal
 *   (e.g. 40003 invalid openid, 47003 bad template data, 48001 for an API this runtime does not offer);
 * - for wxacode.getUnlimited, whose WeChat reply is the PNG itself: the PNG as base64 text. How
 *   CloudBase encodes a binary reply inside its JSON envelope is not visible in node-sdk's sources,
 *   so cloudfunctions/core/openapi.ts accepts this and the other plausible encodings and checks the
 *   PNG signature (see there);
 * - `{ code, message, requestId }` (the SDK throws) when the body is not a wx.api call at all.
 *
 * APIs offered: wxacode.getUnlimited (real QR PNG, text format in wxacode.ts),
 * security.msgSecCheck v2 (word list in sensitive-words.json), security.mediaCheckAsync v2
 * (accepted and recorded with its trace_id; the verdict is pushed when a test or developer asks,
 * see mediaCheckPush), subscribeMessage.send (validated, then appended
 * to the outbox at <dataDir>/openapi/outbox.jsonl, which outbox() lists and which survives restarts).
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { openOutbox, type OutboxEntry } from './outbox';
import { ok, type WxReply } from './reply';
import { DEFAULT_WORD_LIST_PATH, loadWordList, mediaCheckAsync, msgSecCheck } from './security';
import { checkSubscribeMessage, type TemplateCatalog } from './subscribe-message';
import { getUnlimited } from './wxacode';
import { WX_ERRCODE, WxError } from './wx-error';

export type { OutboxEntry } from './outbox';
export type { TemplateCatalog } from './subscribe-message';
export { LOCAL_QR_BASE_URL, localQrText } from './wxacode';

export interface OpenApiOptions {
  /** The runtime's data folder; the outbox lives in <dataDir>/openapi/. */
  dataDir: string;
  /** Word list for security.msgSecCheck; defaults to sensitive-words.json beside this file. */
  wordListPath?: string;
  /** The mini-program's pages (app.json); when given, QR codes for other pages are refused (41030). */
  pages?: readonly string[];
  /** The subscribe-message templates and their data keys; when given, others are refused (40037 / 47003). */
  templates?: TemplateCatalog;
  /** Clock for outbox timestamps. */
  now: () => Date;
  /** The mini-program's appid, as pushed events carry it. */
  appId?: string;
}

export interface LocalOpenApi {
  handle(body: Record<string, unknown>): Promise<Record<string, unknown>>;
  outbox(): OutboxEntry[];
  /**
   * The `wxa_media_check` event WeChat would push for an image check this runtime accepted, with
   * the given verdict; null for a trace id it never issued. The caller delivers it to the
   * message-push function.
   */
  mediaCheckPush(traceId: string, verdict: { suggest: 'pass' | 'review' | 'risky'; label?: number }): Record<string, unknown> | null;
}

type Handler = (request: Record<string, unknown>, envName: string) => Promise<WxReply> | WxReply;

export function createOpenApi(options: OpenApiOptions): LocalOpenApi {
  const words = loadWordList(options.wordListPath ?? DEFAULT_WORD_LIST_PATH);
  const outbox = openOutbox(path.join(options.dataDir, 'openapi', 'outbox.jsonl'));
  const { now } = options;
  const record = (apiName: string, envName: string, request: Record<string, unknown>, reply?: Record<string, unknown>) =>
    outbox.append({ at: now().toISOString(), apiName, envName, request, ...(reply ? { reply } : {}) });

  const handlers: Record<string, Handler> = {
    'wxacode.getUnlimited': (request) => getUnlimited(request, { pages: options.pages }),
    'security.msgSecCheck': (request) => msgSecCheck(request, words),
    'security.mediaCheckAsync': async (request, envName) => {
      const reply = mediaCheckAsync(request);
      await record('security.mediaCheckAsync', envName, request, reply.kind === 'json' ? { trace_id: reply.body.trace_id } : undefined);
      return reply;
    },
    'subscribeMessage.send': async (request, envName) => {
      checkSubscribeMessage(request, options.templates);
      const entry = await record('subscribeMessage.send', envName, request);
      return ok({ msgid: entry.seq });
    },
  };

  return {
    async handle(body) {
      const requestId = `local-${randomUUID()}`;
      if (body.action !== 'wx.api') {
        return { code: 'INVALID_ACTION', message: `not a wx.api call: ${String(body.action)}`, requestId };
      }
      if (typeof body.apiName !== 'string' || body.apiName === '' || typeof (body.requestData ?? '') !== 'string') {
        return { code: 'INVALID_PARAM', message: 'wx.api needs apiName and requestData (a JSON string)', requestId };
      }
      const envName = typeof body.envName === 'string' ? body.envName : '';
      const reply = await answer(handlers, body.apiName, (body.requestData as string | undefined) ?? '', envName);
      const responseData = reply.kind === 'binary' ? reply.bytes.toString('base64') : JSON.stringify(reply.body);
      return { requestId, data: { responseData } };
    },
    outbox: () => outbox.entries(),
    mediaCheckPush(traceId, verdict) {
      const entry = outbox.entries().find((e) => e.apiName === 'security.mediaCheckAsync' && e.reply?.trace_id === traceId);
      if (!entry) return null;
      const label = verdict.label ?? (verdict.suggest === 'pass' ? 100 : 20002);
      return {
        ToUserName: 'gh_local',
        FromUserName: entry.request.openid,
        CreateTime: Math.floor(now().getTime() / 1000),
        MsgType: 'event',
        Event: 'wxa_media_check',
        appid: options.appId ?? '',
        trace_id: traceId,
        version: 2,
        detail: [{ strategy: 'content_model', errcode: 0, suggest: verdict.suggest, label, prob: 90 }],
        errcode: 0,
        errmsg: 'ok',
        result: { suggest: verdict.suggest, label },
      };
    },
  };
}

async function answer(handlers: Record<string, Handler>, apiName: string, requestData: string, envName: string): Promise<WxReply> {
  try {
    const handler = Object.prototype.hasOwnProperty.call(handlers, apiName) ? handlers[apiName] : undefined;
    if (!handler) throw new WxError(WX_ERRCODE.API_UNAUTHORIZED, `api unauthorized: ${apiName} is not offered by the local runtime`);
    return await handler(parseRequest(requestData), envName);
  } catch (error) {
    if (error instanceof WxError) return { kind: 'json', body: { errcode: error.errcode, errmsg: `${error.errmsg} rid: local` } };
    throw error;
  }
}

function parseRequest(requestData: string): Record<string, unknown> {
  if (requestData === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(requestData);
  } catch {
    throw new WxError(WX_ERRCODE.DATA_FORMAT_ERROR, 'data format error: requestData is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new WxError(WX_ERRCODE.DATA_FORMAT_ERROR, 'data format error: requestData must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}
