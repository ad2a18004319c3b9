import { cloudApp } from './cloud';
import { decodeCommOpenApiResp, encodeCommApiData, requestPairs } from './openapiWire';

/**
 * The WeChat open APIs the cloud functions use, called the way WeChat documents cloud calls
 * (云调用): what wx-server-sdk's `cloud.openapi.<api>` sends, through node-sdk's
 * `callCompatibleWxOpenApi` (action `wx.openApi`, protobuf messages: see openapiWire.ts).
 * WeChat's answer is JSON, or the bytes of an image with their content type (wxacode).
 *
 * A refusal is thrown as WxOpenApiError: WeChat's own (errcode ≠ 0 in its JSON, e.g. 40169 invalid
 * scene, 45009 daily quota reached) or the cloud call's (e.g. -604101: the function's config.json
 * does not grant it this API). CloudBase's own failures are thrown by the SDK with their `code`.
 * Inputs WeChat would refuse are refused here first, with RangeError.
 */

export class WxOpenApiError extends Error {
  constructor(
    readonly apiName: string,
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`${apiName} failed: errcode ${errcode} ${errmsg}`);
    this.name = 'WxOpenApiError';
  }
}

/** The cloud call's refusal when the calling function lacks the API in `permissions.openapi`. */
export const NO_PERMISSION_ERRCODE = -604101;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What WeChat answered: a JSON body (errcode 0 or absent), or an image's bytes. */
export type WxAnswer = { kind: 'json'; body: Record<string, unknown> } | { kind: 'binary'; contentType: string; bytes: Buffer };

/** Calls one open API with a JSON-able request (fields left undefined are not sent). */
export async function callOpenApi(apiName: string, request: Record<string, unknown>): Promise<WxAnswer> {
  const raw: unknown = await cloudApp().callCompatibleWxOpenApi({ apiName, requestData: encodeCommApiData({ pairs: requestPairs(request) }) });
  if (!Buffer.isBuffer(raw)) {
    // CloudBase answered JSON without a code the SDK throws on: nothing WeChat said.
    throw new Error(`${apiName}: CloudBase answered ${JSON.stringify(raw)}`);
  }
  let answer: ReturnType<typeof decodeCommOpenApiResp>;
  try {
    answer = decodeCommOpenApiResp(raw);
  } catch {
    throw new Error(`${apiName}: CloudBase answered something that is not a cloud-call reply (${raw.length} bytes)`);
  }
  if (answer.errorCode !== 0) throw new WxOpenApiError(apiName, answer.errorCode, 'cloud call refused');
  const contentType = answer.contentType.trim();
  if (/application\/json|text\/plain/.test(contentType)) {
    let body: unknown;
    try {
      body = JSON.parse(answer.respData.toString('utf8'));
    } catch {
      throw new Error(`${apiName}: WeChat answered ${contentType} that is not JSON`);
    }
    if (!isRecord(body)) throw new Error(`${apiName}: WeChat answered JSON that is not an object`);
    if ('errcode' in body && Number(body.errcode) !== 0) throw new WxOpenApiError(apiName, Number(body.errcode), String(body.errmsg ?? ''));
    return { kind: 'json', body };
  }
  if (answer.respData.length === 0) throw new Error(`${apiName}: WeChat answered an empty ${contentType || 'body'}`);
  return { kind: 'binary', contentType, bytes: answer.respData };
}

async function callWx(apiName: string, request: Record<string, unknown>): Promise<Record<string, unknown>> {
  const answer = await callOpenApi(apiName, request);
  if (answer.kind !== 'json') throw unexpected(apiName, `${answer.contentType} where JSON was expected`);
  return answer.body;
}

function unexpected(apiName: string, what: string): Error {
  return new Error(`${apiName} answered ${what}`);
}

// ---------------------------------------------------------------------------------------------
// wxacode.getUnlimited

/** WeChat: 1–32 visible characters, digits, letters and !#$&'()*+,/:;=?@-._~ only. */
const QR_SCENE_PATTERN = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;

/** The image formats WeChat answers a code in, told by their first bytes (its examples show both). */
const IMAGE_FORMATS = [
  { contentType: 'image/png', extension: 'png', signature: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { contentType: 'image/jpeg', extension: 'jpg', signature: Buffer.from([0xff, 0xd8, 0xff]) },
] as const;

export interface QrCodeRequest {
  /** What the opened page receives as `options.scene` (URL-decoded). */
  scene: string;
  /** A page of the published mini-program, e.g. "pages/station/index"; omitted = home page. */
  page?: string;
  /** Pixels, 280–1280; WeChat's default is 430. */
  width?: number;
  /** false lets an unpublished page through (WeChat's check_path); default true. */
  checkPath?: boolean;
  envVersion?: 'release' | 'trial' | 'develop';
}

export interface QrCodeImage {
  bytes: Buffer;
  contentType: 'image/png' | 'image/jpeg';
  /** File extension for storing it: png or jpg. */
  extension: 'png' | 'jpg';
}

/** An unlimited mini-program code for a page and scene: the image WeChat made, PNG or JPEG. */
export async function createQrCode(request: QrCodeRequest): Promise<QrCodeImage> {
  if (!QR_SCENE_PATTERN.test(request.scene)) {
    throw new RangeError(`QR scene must be 1-32 characters of [0-9A-Za-z!#$&'()*+,/:;=?@-._~]: ${JSON.stringify(request.scene)}`);
  }
  if (request.page !== undefined && (request.page.startsWith('/') || request.page.includes('?'))) {
    throw new RangeError(`QR page takes no leading "/" and no query: ${request.page}`);
  }
  if (request.width !== undefined && (!Number.isInteger(request.width) || request.width < 280 || request.width > 1280)) {
    throw new RangeError(`QR width must be an integer from 280 to 1280: ${request.width}`);
  }
  const answer = await callOpenApi('wxacode.getUnlimited', {
    scene: request.scene,
    page: request.page,
    width: request.width,
    check_path: request.checkPath,
    env_version: request.envVersion,
  });
  if (answer.kind !== 'binary') throw unexpected('wxacode.getUnlimited', 'JSON without an errcode instead of an image');
  // The bytes decide, not the declared type: an image that is not what it says is not stored.
  const format = IMAGE_FORMATS.find((candidate) => answer.bytes.subarray(0, candidate.signature.length).equals(candidate.signature));
  if (!format) throw unexpected('wxacode.getUnlimited', `${answer.contentType} bytes that are neither PNG nor JPEG`);
  return { bytes: answer.bytes, contentType: format.contentType, extension: format.extension };
}

// ---------------------------------------------------------------------------------------------
// security.msgSecCheck (version 2) and security.mediaCheckAsync (version 2)

/** Where the text or image appears, in WeChat's terms. */
export const CONTENT_SCENE = { profile: 1, comment: 2, forum: 3, socialLog: 4 } as const;
export type ContentScene = (typeof CONTENT_SCENE)[keyof typeof CONTENT_SCENE];

export type Suggest = 'pass' | 'review' | 'risky';

export interface TextVerdict {
  /** true only for WeChat's "pass"; "review" and "risky" are not published as they are. */
  pass: boolean;
  suggest: Suggest;
  /** WeChat's label when it did not pass: 10001 广告, 20001 时政, 20002 色情, 20003 辱骂, 20006 违法犯罪, 20008 欺诈, 20012 低俗, 20013 版权, 21000 其他. */
  label?: number;
  traceId?: string;
}

const MAX_TEXT_CHARS = 2500;

/** Screens user text. The openid must belong to a user who opened the mini-program in the last two hours. */
export async function checkText(request: { content: string; openid: string; scene: ContentScene }): Promise<TextVerdict> {
  const length = [...request.content].length;
  if (length === 0 || length > MAX_TEXT_CHARS) throw new RangeError(`text to check must be 1-${MAX_TEXT_CHARS} characters, got ${length}`);
  if (request.openid === '') throw new RangeError('text check needs the author openid');

  const result = await callWx('security.msgSecCheck', {
    content: request.content,
    openid: request.openid,
    scene: request.scene,
    version: 2,
  });
  const verdict = isRecord(result) && isRecord(result.result) ? result.result : undefined;
  const suggest = verdict?.suggest;
  if (suggest !== 'pass' && suggest !== 'review' && suggest !== 'risky') throw unexpected('security.msgSecCheck', 'no result.suggest');
  const traceId = isRecord(result) && typeof result.trace_id === 'string' ? result.trace_id : undefined;
  return {
    pass: suggest === 'pass',
    suggest,
    ...(suggest !== 'pass' && typeof verdict?.label === 'number' ? { label: verdict.label } : {}),
    ...(traceId ? { traceId } : {}),
  };
}

/**
 * Submits an image (by URL, e.g. a temp download URL) for WeChat's asynchronous review and
 * answers the trace id. The verdict does not come back here: WeChat pushes a `wxa_media_check`
 * event carrying the same trace_id to the environment's message-push receiver, which has to be
 * configured in the console and handled by a function before image checks can gate anything.
 */
export async function submitImageCheck(request: { mediaUrl: string; openid: string; scene: ContentScene }): Promise<{ traceId: string }> {
  if (!/^https?:\/\//.test(request.mediaUrl)) throw new RangeError(`image check needs an http(s) URL: ${request.mediaUrl}`);
  const result = await callWx('security.mediaCheckAsync', {
    media_url: request.mediaUrl,
    media_type: 2,
    openid: request.openid,
    scene: request.scene,
    version: 2,
  });
  if (!isRecord(result) || typeof result.trace_id !== 'string') throw unexpected('security.mediaCheckAsync', 'no trace_id');
  return { traceId: result.trace_id };
}

// ---------------------------------------------------------------------------------------------
// subscribeMessage.send

export interface SubscribeMessage {
  touser: string;
  templateId: string;
  /** Page opened from the message card, query allowed ("pages/x/index?id=1"). */
  page?: string;
  /** Keyword → value, keys as the template names them (thing1, time2, …). */
  data: Readonly<Record<string, string | number>>;
  miniprogramState?: 'developer' | 'trial' | 'formal';
  lang?: 'zh_CN' | 'en_US' | 'zh_HK' | 'zh_TW';
}

/** Free text WeChat limits by length: cut to fit. */
const TRUNCATED = { thing: 20, short_thing: 5, name: 20, phrase: 5 } as const;
/** Identifiers and formatted values: cutting would change their meaning, so too long is refused. */
const MAX_CHARS: Readonly<Record<string, number>> = {
  number: 32,
  letter: 32,
  symbol: 5,
  character_string: 32,
  phone_number: 17,
  car_number: 8,
  amount: 16,
  time: 40,
  date: 40,
};
const HAN_ONLY = /^\p{Script=Han}+$/u;
const HAS_HAN = /\p{Script=Han}/u;
const graphemes = new Intl.Segmenter('zh', { granularity: 'grapheme' });

/** Cuts to at most `limit` characters without splitting a character, ending with "…" when asked. */
function cut(text: string, limit: number, ellipsis: boolean): string {
  if ([...text].length <= limit) return text;
  const room = ellipsis ? limit - 1 : limit;
  let out = '';
  for (const { segment } of graphemes.segment(text)) {
    if ([...out].length + [...segment].length > room) break;
    out += segment;
  }
  return ellipsis ? `${out}…` : out;
}

/**
 * A value made to fit WeChat's rule for the key's keyword type (订阅消息参数值内容限制):
 * thing ≤ 20 characters (cut with "…"), short_thing ≤ 5, name ≤ 10 Chinese characters or
 * 20 letters, phrase ≤ 5 Chinese characters (cut); number/letter/character_string ≤ 32,
 * symbol ≤ 5, phone_number ≤ 17, car_number ≤ 8 and the rest are refused when too long.
 */
export function fitSubscribeValue(key: string, value: string | number): string {
  const type = key.replace(/\d+$/, '');
  const text = String(value).replace(/\s+/g, ' ').trim();
  if (text === '') throw new RangeError(`subscribe message ${key}: empty value`);

  switch (type) {
    case 'thing':
      return cut(text, TRUNCATED.thing, true);
    case 'short_thing':
      return cut(text, TRUNCATED.short_thing, false);
    case 'name':
      if (HAN_ONLY.test(text)) return cut(text, 10, false);
      if (HAS_HAN.test(text)) throw new RangeError(`subscribe message ${key}: a name is all Chinese or has no Chinese: ${text}`);
      return cut(text, TRUNCATED.name, false);
    case 'phrase':
      if (!HAN_ONLY.test(text)) throw new RangeError(`subscribe message ${key}: a phrase is Chinese characters only: ${text}`);
      return cut(text, TRUNCATED.phrase, false);
    default: {
      const max = MAX_CHARS[type];
      if (max === undefined) throw new RangeError(`subscribe message ${key}: unknown keyword type "${type}"`);
      if ([...text].length > max) throw new RangeError(`subscribe message ${key}: at most ${max} characters for ${type}: ${text}`);
      return text;
    }
  }
}

/** Sends a subscribe message the user agreed to receive; answers WeChat's msgid when it gives one. */
export async function sendSubscribeMessage(message: SubscribeMessage): Promise<{ msgId?: number }> {
  if (message.touser === '') throw new RangeError('subscribe message needs touser');
  if (message.templateId === '') throw new RangeError('subscribe message needs templateId');
  const entries = Object.entries(message.data);
  if (entries.length === 0) throw new RangeError('subscribe message needs data');

  const result = await callWx('subscribeMessage.send', {
    touser: message.touser,
    template_id: message.templateId,
    page: message.page,
    data: Object.fromEntries(entries.map(([key, value]) => [key, { value: fitSubscribeValue(key, value) }])),
    miniprogram_state: message.miniprogramState,
    lang: message.lang,
  });
  const msgId = isRecord(result) && typeof result.msgid === 'number' ? result.msgid : undefined;
  return msgId === undefined ? {} : { msgId };
}

/**
 * Sends the messages, each on its own: one WeChat refuses (the person did not subscribe, 43101) is
 * logged under `source` and counted as not sent; the change they tell about is stored already.
 * Answers, message by message, whether WeChat accepted it.
 */
export async function sendEachSubscribeMessage(source: string, messages: readonly SubscribeMessage[]): Promise<boolean[]> {
  return Promise.all(
    messages.map(async (message) => {
      try {
        await sendSubscribeMessage(message);
        return true;
      } catch (error) {
        if (error instanceof WxOpenApiError) console.warn(`[${source}] message ${message.templateId} not sent: ${error.errcode} ${error.errmsg}`);
        else console.error(`[${source}] message ${message.templateId} failed`, error);
        return false;
      }
    }),
  );
}
