/**
 * Local WeChat open APIs: answers cloud calls (云调用) the way CloudBase does for wx-server-sdk's
 * `cloud.openapi.*` and node-sdk's `callCompatibleWxOpenApi`.
 *
 * Routing (for the runtime's HTTP server): a multipart POST to the SDK endpoint (…/admin) whose
 * `action` field is `wx.openApi` goes to `handle(fields, caller)`; send what it returns with
 * `sendCloudCallReply`.
 *
 * What node-sdk 3.18.3 posts (src/wx/index.ts): form fields `action`, `apiName`, `requestData` (a
 * protobuf CommApiData: one pair per request field, its value the field's JSON; see
 * cloudfunctions/core/openapiWire.ts), `envName` and empty token fields. What it reads back: the
 * raw body; JSON when the content type is `application/json; charset=utf-8` (a CloudBase error,
 * which the SDK throws), else a protobuf CommOpenApiResp with WeChat's reply and its content type.
 *
 * What handle() answers:
 * - WeChat's JSON reply (`application/json`): `{ errcode: 0, errmsg: "ok", … }` on success, `{ errcode,
 *   errmsg }` on a WeChat refusal (40003 invalid openid, 47003 bad template data, 40169 invalid scene,
 *   48001 for an API this runtime does not offer);
 * - for wxacode.getUnlimited, the image itself with its content type (`image/png`);
 * - `errorCode` -604101 and no reply when the calling function's config.json does not list the API
 *   in `permissions.openapi`: a cloud call runs with the permissions of the function making it;
 * - a CloudBase error `{ code, message, requestId }` when the request is not a cloud call at all.
 *
 * APIs offered: wxacode.getUnlimited (real QR PNG, text format in wxacode.ts),
 * security.msgSecCheck v2 (word list in sensitive-words.json), security.mediaCheckAsync v2
 * (accepted and recorded with its trace_id; the verdict is pushed when a test or developer asks,
 * see mediaCheckPush), subscribeMessage.send (validated, then appended
 * to the outbox at <dataDir>/openapi/outbox.jsonl, which outbox() lists and which survives restarts).
 */
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { decodeCommApiData, encodeCommOpenApiResp } from '../../cloudfunctions/core/openapiWire';
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
  /** The APIs a function's config.json grants it (`permissions.openapi`); calls from functions are held to them. */
  permissions?: (functionName: string) => readonly string[];
}

/** What the runtime sends back for a cloud call: CloudBase's JSON error, or the protobuf reply. */
export type CloudCallReply = { kind: 'json'; body: Record<string, unknown> } | { kind: 'protobuf'; bytes: Buffer };

/** The cloud call's refusal when the calling function is not granted the API (WeChat's documented code). */
export const NO_PERMISSION_ERRCODE = -604101;

export interface LocalOpenApi {
  /** A cloud call's form fields; `caller.functionName` is the invoked function making it, when known. */
  handle(fields: Readonly<Record<string, Buffer>>, caller?: { functionName?: string }): Promise<CloudCallReply>;
  outbox(): OutboxEntry[];
  /**
   * The `wxa_media_check` event WeChat would push for an image check this runtime accepted, with
   * the given verdict; null for a trace id it never issued. The caller delivers it to the
   * message-push function.
   */
  mediaCheckPush(traceId: string, verdict: { suggest: 'pass' | 'review' | 'risky'; label?: number; errcode?: number }): Record<string, unknown> | null;
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
    async handle(fields, caller = {}) {
      const requestId = `local-${randomUUID()}`;
      const text = (name: string) => fields[name]?.toString('utf8') ?? '';
      if (text('action') !== 'wx.openApi') {
        return { kind: 'json', body: { code: 'INVALID_ACTION', message: `not a cloud call: ${text('action')}`, requestId } };
      }
      const apiName = text('apiName');
      let pairs: ReturnType<typeof decodeCommApiData>['pairs'];
      try {
        pairs = decodeCommApiData(fields.requestData ?? Buffer.alloc(0)).pairs;
      } catch {
        return { kind: 'json', body: { code: 'INVALID_PARAM', message: 'requestData is not a CommApiData message', requestId } };
      }
      if (apiName === '') return { kind: 'json', body: { code: 'INVALID_PARAM', message: 'a cloud call needs apiName', requestId } };
      if (caller.functionName && options.permissions && !options.permissions(caller.functionName).includes(apiName)) {
        return { kind: 'protobuf', bytes: encodeCommOpenApiResp({ errorCode: NO_PERMISSION_ERRCODE }) };
      }
      const reply = await answer(handlers, apiName, pairs, text('envName'));
      const bytes =
        reply.kind === 'binary'
          ? encodeCommOpenApiResp({ respData: reply.bytes, contentType: reply.contentType, httpCode: 200 })
          : encodeCommOpenApiResp({ respData: Buffer.from(JSON.stringify(reply.body)), contentType: 'application/json; encoding=utf-8', httpCode: 200 });
      return { kind: 'protobuf', bytes };
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
        errcode: verdict.errcode ?? 0,
        errmsg: verdict.errcode ? 'check failed' : 'ok',
        result: verdict.errcode ? {} : { suggest: verdict.suggest, label },
      };
    },
  };
}

async function answer(handlers: Record<string, Handler>, apiName: string, pairs: Array<{ key: string; value: Buffer }>, envName: string): Promise<WxReply> {
  try {
    const handler = Object.prototype.hasOwnProperty.call(handlers, apiName) ? handlers[apiName] : undefined;
    if (!handler) throw new WxError(WX_ERRCODE.API_UNAUTHORIZED, `api unauthorized: ${apiName} is not offered by the local runtime`);
    return await handler(requestOf(pairs), envName);
  } catch (error) {
    if (error instanceof WxError) return { kind: 'json', body: { errcode: error.errcode, errmsg: `${error.errmsg} rid: local` } };
    throw error;
  }
}

/** The request WeChat receives: each pair's value is its field's JSON. */
function requestOf(pairs: Array<{ key: string; value: Buffer }>): Record<string, unknown> {
  const request: Record<string, unknown> = {};
  for (const { key, value } of pairs) {
    try {
      request[key] = JSON.parse(value.toString('utf8'));
    } catch {
      throw new WxError(WX_ERRCODE.DATA_FORMAT_ERROR, `data format error: ${key} is not JSON`);
    }
  }
  return request;
}

/** Writes a cloud-call reply as CloudBase does: JSON for its own errors, protobuf bytes otherwise. */
export function sendCloudCallReply(res: ServerResponse, reply: CloudCallReply): void {
  if (reply.kind === 'json') {
    const text = JSON.stringify(reply.body);
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) }).end(text);
    return;
  }
  res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': reply.bytes.length }).end(reply.bytes);
}
