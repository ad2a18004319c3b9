import { COLLECTIONS } from '../../../infra/database';
import type { DrillDown, ReceptionRow, VisitRow } from '../../../miniprogram/shared/contract/casework';
import { FIGURE_LABELS, isCaseFigure } from '../../../miniprogram/shared/domain/caseStats';
import type { Handler } from '../../core/handler';
import { iso, type OpinionDocument } from '../../../infra/documents/opinions';
import { loadWorker } from '../access';
import { caseSummary, SUMMARY_FIELDS } from '../caseView';
import { figureQuery, readVisitEntries, type VisitEntry } from '../figures';
import { createdWithin, statsTarget } from '../statsScope';
import { offsetOf, offsetPageOf, readPage, type PageOrder } from '../../core/paging';

export const DRILL_PAGE_SIZE = 20;

interface VisitDoc {
  _id: string;
  kind?: 'online' | 'walkIn';
  name?: string;
  topic?: string;
  checkedInAt?: Date | null;
  visitorName?: string;
  deputyIds?: string[];
  items?: unknown[];
  recordedAt?: Date;
}

/**
 * The cases (or visits) behind one figure of casework.stats, with the same place and range: the
 * figure's own query, so the list and the number agree. Cases oldest first; visits by day.
 * Three database requests.
 */
export const drillDown: Handler<'casework.drillDown'> = async ({ figure, cursor, pageSize = DRILL_PAGE_SIZE, ...request }, ctx) => {
  const worker = await loadWorker(ctx, 'staff');
  const { db, now } = ctx;
  const range = { from: request.from, to: request.to };
  const target = await statsTarget(db, worker, request.scope);
  const label = FIGURE_LABELS[figure];

  if (isCaseFigure(figure)) {
    const order: PageOrder = { field: 'createdAt', direction: 'asc' };
    const where = [target.opinions, createdWithin(db, range), figureQuery(db, figure, now)];
    const page = { collection: COLLECTIONS.opinions, where, order, cursor, pageSize, fields: SUMMARY_FIELDS };
    const [{ items, nextCursor }, calendar] = await Promise.all([readPage<OpinionDocument>(db, page), ctx.calendar()]);
    const answer: DrillDown = { figure, label, kind: 'cases', items: items.map((row) => caseSummary(row, { now, calendar })), nextCursor };
    return answer;
  }

  const offset = offsetOf(cursor);
  const data = await readVisitEntries<VisitDoc>(db, target, range, figure === 'stationVisits' ? '$visits' : '$receptions', offset, pageSize);
  const { items, nextCursor } = offsetPageOf(data, pageSize, offset);
  const placeOf = ({ date, stationId, stationName }: VisitEntry<VisitDoc>) => ({ date, stationId, stationName });
  if (figure === 'stationVisits') {
    const rows: VisitRow[] = items.map((row) => ({
      bookingId: row._id,
      ...placeOf(row),
      kind: row.kind ?? 'online',
      visitorName: row.name ?? '',
      topic: row.topic ?? '',
      checkedInAt: row.checkedInAt ? iso(row.checkedInAt) : null,
    }));
    return { figure, label, kind: 'visits', items: rows, nextCursor };
  }
  const rows: ReceptionRow[] = items.map((row) => ({
    recordId: row._id,
    ...placeOf(row),
    visitorName: row.visitorName ?? '',
    deputyIds: row.deputyIds ?? [],
    itemCount: row.items?.length ?? 0,
    recordedAt: row.recordedAt ? iso(row.recordedAt) : '',
  }));
  return { figure, label, kind: 'receptions', items: rows, nextCursor };
};
