import * as z from 'zod';
import { isCalendarDate } from '../domain/time';

/** Document ids: CloudBase's 32-hex ids and the seed's readable ids, never operator objects. */
export const docId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '编号格式不正确');

export const pageSize = z.number().int().min(1).max(50);
/**
 * Where a list resumes: the `nextCursor` of the page before, an opaque token naming its last item
 * (keyset paging, cloudfunctions/core/paging.ts). A number is an offset, as clients released before
 * keyset paging send it.
 */
export const cursor = z.union([z.string().regex(/^[A-Za-z0-9_-]{1,300}$/, '分页位置格式不正确'), z.number().int().min(0).max(10_000)]);
export type PageCursor = z.infer<typeof cursor>;

/** A Shanghai calendar date, YYYY-MM-DD, that exists. */
export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine(isCalendarDate, { message: '没有这一天' });

/** A client's id for one attempt at a create action: retries with the same id land on the same result. */
export const clientRequestId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不正确');

/**
 * Characters that draw nothing yet change what the text around them looks like: C0 and C1 controls
 * (tab and line breaks aside), bidi embeddings, overrides and isolates, and direction marks. A name
 * with U+202E shows reversed in every list it appears in; such characters are removed on the way in.
 */
const INVISIBLE_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const LINE_BREAKS = /[\t\r\n\u2028\u2029]+/g;

/** Text as stored: invisible controls removed; on one line, tabs and line breaks become a space. */
export function cleanText(value: string, lines: 'single' | 'multi'): string {
  const visible = value.replace(INVISIBLE_CONTROLS, '');
  return lines === 'single' ? visible.replace(LINE_BREAKS, ' ') : visible.replace(/\r\n?/g, '\n');
}

/** A name, title, address or label a person types: one line, cleaned, trimmed. */
export const lineText = () =>
  z
    .string()
    .overwrite((value) => cleanText(value, 'single'))
    .trim();

/** A text a person writes (an opinion, a reply, a note): line breaks kept, cleaned, trimmed. */
export const paragraphText = () =>
  z
    .string()
    .overwrite((value) => cleanText(value, 'multi'))
    .trim();

/**
 * A refinement asking for what the rest of a payload calls for (the reason for a 列入计划 answer,
 * the comment with 不满意): when `needed` holds, an empty `field` is refused with `message`.
 */
export function requiredWhen<T>(field: keyof T & string, needed: (value: T) => boolean, message: string | ((value: T) => string)) {
  return (value: T, ctx: z.RefinementCtx<T>): void => {
    if (needed(value) && !value[field]) ctx.addIssue({ code: 'custom', path: [field], message: typeof message === 'string' ? message : message(value) });
  };
}
