import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ok, type WxReply } from './reply';
import { WX_ERRCODE, wxFail } from './wx-error';

/**
 * security.msgSecCheck (version 2) and security.mediaCheckAsync (version 2), locally.
 * Text is judged against a small word list (sensitive-words.json beside this file, or the
 * file given in the options); the reply has WeChat's shape: result.suggest/label, detail[], trace_id.
 */

export type Suggest = 'pass' | 'review' | 'risky';

export interface WordEntry {
  word: string;
  suggest: Exclude<Suggest, 'pass'>;
  label: number;
}

export const DEFAULT_WORD_LIST_PATH = path.join(__dirname, 'sensitive-words.json');

/** WeChat's label for content with no problem. */
const LABEL_NORMAL = 100;
/** msgSecCheck v2: 1 资料, 2 评论, 3 论坛, 4 社交日志. */
const SCENES = new Set([1, 2, 3, 4]);
const MAX_CONTENT_CHARS = 2500;
const OPENID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function loadWordList(file: string = DEFAULT_WORD_LIST_PATH): WordEntry[] {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { entries?: unknown };
  if (!Array.isArray(parsed.entries)) throw new Error(`${file}: expected { "entries": [...] }`);
  return parsed.entries.map((entry, i) => {
    const { word, suggest, label } = (entry ?? {}) as Record<string, unknown>;
    if (typeof word !== 'string' || normalize(word) === '') throw new Error(`${file}: entries[${i}].word must be text`);
    if (suggest !== 'risky' && suggest !== 'review') throw new Error(`${file}: entries[${i}].suggest must be "risky" or "review"`);
    if (typeof label !== 'number' || !Number.isInteger(label)) throw new Error(`${file}: entries[${i}].label must be an integer`);
    return { word, suggest, label };
  });
}

/** Folds width and case and drops spaces and punctuation, so "网 络 赌 博" still matches. */
function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}\u200b-\u200d\ufeff]/gu, '');
}

export function judgeText(content: string, words: readonly WordEntry[]): { suggest: Suggest; label: number; keyword?: string } {
  const text = normalize(content);
  const hits = words.filter((entry) => text.includes(normalize(entry.word)));
  const worst = hits.find((hit) => hit.suggest === 'risky') ?? hits[0];
  return worst ? { suggest: worst.suggest, label: worst.label, keyword: worst.word } : { suggest: 'pass', label: LABEL_NORMAL };
}

function checkCaller(request: Record<string, unknown>): void {
  if (request.version !== 2) {
    wxFail(WX_ERRCODE.DATA_FORMAT_ERROR, 'data format error: the local runtime answers version 2 only');
  }
  if (typeof request.openid !== 'string' || !OPENID_PATTERN.test(request.openid)) {
    wxFail(WX_ERRCODE.INVALID_OPENID, 'invalid openid');
  }
  if (typeof request.scene !== 'number' || !SCENES.has(request.scene)) {
    wxFail(WX_ERRCODE.DATA_FORMAT_ERROR, 'data format error: scene must be 1, 2, 3 or 4');
  }
}

export function msgSecCheck(request: Record<string, unknown>, words: readonly WordEntry[]): WxReply {
  checkCaller(request);
  const { content } = request;
  if (typeof content !== 'string' || content.length === 0 || [...content].length > MAX_CONTENT_CHARS) {
    wxFail(WX_ERRCODE.DATA_FORMAT_ERROR, `data format error: content must be 1-${MAX_CONTENT_CHARS} characters`);
  }
  // WeChat also screens the optional title, nickname and signature with the content.
  const screened = [content, request.title, request.nickname, request.signature].filter((part) => typeof part === 'string').join('\n');
  const verdict = judgeText(screened, words);
  const detail: Record<string, unknown>[] = [{ strategy: 'content_model', errcode: 0, suggest: verdict.suggest, label: verdict.label, prob: verdict.suggest === 'pass' ? 0 : 90 }];
  if (verdict.keyword) {
    detail.push({ strategy: 'keyword', errcode: 0, suggest: verdict.suggest, label: verdict.label, level: 20, keyword: verdict.keyword });
  }
  return ok({ result: { suggest: verdict.suggest, label: verdict.label }, detail, trace_id: traceId() });
}

/**
 * Accepts an image or audio for asynchronous review and answers its trace_id, as WeChat does.
 * WeChat delivers the verdict later as a `wxa_media_check` message push; the local runtime
 * records the request in the outbox and pushes no verdict.
 */
export function mediaCheckAsync(request: Record<string, unknown>): WxReply {
  checkCaller(request);
  if (typeof request.media_url !== 'string' || !/^https?:\/\/\S+$/.test(request.media_url)) {
    wxFail(WX_ERRCODE.DATA_FORMAT_ERROR, 'data format error: media_url must be an http(s) URL');
  }
  if (request.media_type !== 1 && request.media_type !== 2) {
    wxFail(WX_ERRCODE.DATA_FORMAT_ERROR, 'data format error: media_type must be 1 (audio) or 2 (image)');
  }
  return ok({ trace_id: traceId() });
}

function traceId(): string {
  return `local-${randomUUID()}`;
}
