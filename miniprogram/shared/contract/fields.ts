import * as z from 'zod';
import { isCalendarDate } from '../domain/time';

/** Document ids: CloudBase's 32-hex ids and the seed's readable ids, never operator objects. */
export const docId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '编号格式不正确');

export const pageSize = z.number().int().min(1).max(50);
export const cursor = z.number().int().min(0).max(10_000);

/** A Shanghai calendar date, YYYY-MM-DD, that exists. */
export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine(isCalendarDate, { message: '没有这一天' });

/** A client's id for one attempt at a create action: retries with the same id land on the same result. */
export const clientRequestId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不正确');
