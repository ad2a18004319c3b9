import { WX_ERRCODE, wxFail } from './wx-error';

/**
 * subscribeMessage.send, locally: the checks WeChat makes before it delivers a message.
 * Data keys are named after their keyword type plus a number (thing1, time2, character_string3);
 * each type has WeChat's rule for its value. Delivery itself is index.ts's outbox.
 */

/** Template id → the data keys its keywords use, when the runtime is told the templates. */
export type TemplateCatalog = Readonly<Record<string, readonly string[]>>;

const OPENID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const TEMPLATE_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;
const MINIPROGRAM_STATES = new Set(['developer', 'trial', 'formal']);
const LANGS = new Set(['zh_CN', 'en_US', 'zh_HK', 'zh_TW']);

const HAN = '\\p{Script=Han}';
const chars = (value: string): number => [...value].length;

/** WeChat's rule for each keyword type (订阅消息参数值内容限制). */
const VALUE_RULES: Readonly<Record<string, (value: string) => boolean>> = {
  thing: (v) => chars(v) <= 20,
  short_thing: (v) => chars(v) <= 5,
  number: (v) => v.length <= 32 && /^\d+(\.\d+)?$/.test(v),
  letter: (v) => /^[A-Za-z]{1,32}$/.test(v),
  symbol: (v) => chars(v) <= 5 && !/[\p{L}\p{N}]/u.test(v),
  character_string: (v) => /^[\x21-\x7e]{1,32}$/.test(v),
  time: (v) => /\d{1,2}:\d{2}/.test(v) && chars(v) <= 40,
  date: (v) => /\d{4}\s*(年|-|\/|\.)\s*\d{1,2}/.test(v) && chars(v) <= 40,
  amount: (v) => /^[¥￥$€£]?\d{1,10}(\.\d{1,2})?元?$/.test(v),
  phone_number: (v) => /^[\d+\-() ]{1,17}$/.test(v),
  car_number: (v) => chars(v) <= 8 && new RegExp(`^[${HAN}A-Z0-9][A-Z0-9]*[${HAN}A-Z0-9]?$`, 'u').test(v),
  name: (v) => new RegExp(`^${HAN}{1,10}$`, 'u').test(v) || (chars(v) <= 20 && !new RegExp(HAN, 'u').test(v)),
  phrase: (v) => new RegExp(`^${HAN}{1,5}$`, 'u').test(v),
};

export function keywordType(key: string): string {
  return key.replace(/\d+$/, '');
}

/** Checks a send request like WeChat; throws its WxError at the first problem. */
export function checkSubscribeMessage(request: Record<string, unknown>, templates: TemplateCatalog | undefined): void {
  const { touser, template_id: templateId, data, miniprogram_state: state, lang, page } = request;

  if (typeof touser !== 'string' || !OPENID_PATTERN.test(touser)) wxFail(WX_ERRCODE.INVALID_OPENID, 'invalid openid');
  if (typeof templateId !== 'string' || !TEMPLATE_ID_PATTERN.test(templateId)) {
    wxFail(WX_ERRCODE.INVALID_TEMPLATE_ID, 'invalid template_id');
  }
  const templateKeys = templates?.[templateId];
  if (templates && !templateKeys) wxFail(WX_ERRCODE.INVALID_TEMPLATE_ID, `invalid template_id: ${templateId} is not a template of this app`);
  if (page !== undefined && typeof page !== 'string') wxFail(WX_ERRCODE.DATA_FORMAT_ERROR, 'data format error: page must be text');
  if (state !== undefined && (typeof state !== 'string' || !MINIPROGRAM_STATES.has(state))) {
    wxFail(WX_ERRCODE.DATA_FORMAT_ERROR, 'data format error: miniprogram_state must be developer, trial or formal');
  }
  if (lang !== undefined && (typeof lang !== 'string' || !LANGS.has(lang))) {
    wxFail(WX_ERRCODE.DATA_FORMAT_ERROR, 'data format error: lang must be zh_CN, en_US, zh_HK or zh_TW');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data) || Object.keys(data).length === 0) {
    wxFail(WX_ERRCODE.ARGUMENT_INVALID, 'argument invalid! data is empty');
  }

  const entries = Object.entries(data as Record<string, unknown>);
  for (const [key, entry] of entries) {
    if (templateKeys && !templateKeys.includes(key)) wxFail(WX_ERRCODE.ARGUMENT_INVALID, `argument invalid! data.${key} is not a keyword of the template`);
    const rule = VALUE_RULES[keywordType(key)];
    if (!rule) wxFail(WX_ERRCODE.ARGUMENT_INVALID, `argument invalid! data.${key} has no known keyword type`);
    const value = typeof entry === 'object' && entry !== null ? (entry as { value?: unknown }).value : undefined;
    if (typeof value !== 'string' || value.trim() === '' || !rule(value)) {
      wxFail(WX_ERRCODE.ARGUMENT_INVALID, `argument invalid! data.${key}.value invalid`);
    }
  }
  for (const key of templateKeys ?? []) {
    if (!entries.some(([given]) => given === key)) wxFail(WX_ERRCODE.ARGUMENT_INVALID, `argument invalid! data.${key}.value is missing`);
  }
}
