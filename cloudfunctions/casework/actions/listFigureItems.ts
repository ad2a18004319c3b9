import { COLLECTIONS } from '../../../infra/database';
import type { PublicCaseRow, PublicFigureItems, PublicProjectRow, PublicVisitRow } from '../../../miniprogram/shared/contract/casework';
import { ANSWER_CATEGORY_LABELS, RATING_LABELS } from '../../../miniprogram/shared/domain/casework';
import { PUBLIC_DRILL_LABELS } from '../../../miniprogram/shared/domain/figures';
import { contentHold } from '../../../miniprogram/shared/domain/moderation';
import { excerpt, OPINION_CATEGORY_LABELS, OPINION_STATUS_LABELS } from '../../../miniprogram/shared/domain/opinion';
import { periodRange } from '../../../miniprogram/shared/domain/figures';
import { maskPersonalDetails } from '../../../miniprogram/shared/domain/publicText';
import { shanghaiDate } from '../../../miniprogram/shared/domain/time';
import type { OpinionDocument } from '../../../infra/documents/opinions';
import type { Handler } from '../../core/handler';
import { offsetOf, offsetPageOf } from '../../core/paging';
import { chosenProjectsPipeline, figureQuery, rangeEnd, readVisitEntries } from '../figures';
import { createdWithin, publicTarget } from '../statsScope';

export const FIGURE_ITEMS_PAGE = 20;

/** What the public list reads of a case: never the author, contact, photos, location or tracking number. */
const PUBLIC_CASE_FIELDS = { _id: true, createdAt: true, stationName: true, category: true, status: true, outcome: true, rating: true, text: true, 'moderation.state': true };

type PublicCaseDoc = Pick<OpinionDocument, 'createdAt' | 'stationName' | 'category' | 'status' | 'outcome' | 'rating' | 'text' | 'moderation'>;

interface ProjectDoc {
  _id: string;
  title: string;
  place: string;
  unitName: string;
  percent?: number;
  startedAt?: Date | null;
  completedAt?: Date | null;
  year: number;
}

/** Text only once content review published it, with phone, ID and e-mail masked. */
function publicText(opinion: PublicCaseDoc): string {
  return contentHold(opinion.moderation) === null ? excerpt(maskPersonalDetails(opinion.text), 80) : '';
}

/**
 * Anyone: the list behind one public figure, with the same place, period and query as the figure,
 * anonymised: cases by day, station, category, state, outcome and rating with their text masked
 * (and only once published); visits and receptions by day and station; 票决 projects with their
 * state at the end of the period. Two database requests.
 */
export const listFigureItems: Handler<'casework.figureItems'> = async ({ scope, year, month, drill, cursor: given }, ctx) => {
  const { db, now } = ctx;
  // Offsets in an opaque cursor: every list here is bounded by one period of one place.
  const cursor = offsetOf(given);
  const _ = db.command;
  const range = periodRange({ year, month });
  const target = await publicTarget(db, scope);
  const label = PUBLIC_DRILL_LABELS[drill];
  const page = <T>(rows: T[]) => offsetPageOf(rows, FIGURE_ITEMS_PAGE, cursor);
  const key = (index: number) => `${drill}-${cursor + index}`;

  if (drill === 'projects') {
    const end = rangeEnd(range);
    const rows = target.rounds
      ? ((
          await chosenProjectsPipeline(db, target.rounds, range)
            .sort({ year: -1, _id: 1 })
            .skip(cursor)
            .limit(FIGURE_ITEMS_PAGE + 1)
            .end()
        ).data as ProjectDoc[])
      : [];
    const before = (at: Date | null | undefined) => !!at && new Date(at) < end;
    const { items, nextCursor } = page(rows);
    const projects: PublicProjectRow[] = items.map((row) => ({
      candidateId: row._id,
      title: row.title,
      place: row.place,
      unitName: row.unitName,
      year: row.year,
      percent: row.percent ?? 0,
      stateLabel: before(row.completedAt) ? '已竣工' : before(row.startedAt) ? '已开工' : '未开工',
    }));
    const answer: PublicFigureItems = { drill, label, kind: 'projects', items: projects, nextCursor };
    return answer;
  }

  if (drill === 'stationVisits' || drill === 'residentsReceived') {
    const joined = drill === 'stationVisits' ? '$visits' : '$receptions';
    const { items, nextCursor } = page(await readVisitEntries<{ kind?: string; items?: unknown[] }>(db, target, range, joined, cursor, FIGURE_ITEMS_PAGE));
    const rows: PublicVisitRow[] = items.map((row, index) => ({
      key: key(index),
      date: row.date,
      stationName: row.stationName,
      kindLabel: drill === 'residentsReceived' ? `代表接待（${row.items?.length ?? 0}项诉求）` : row.kind === 'walkIn' ? '现场登记' : '预约签到',
    }));
    return { drill, label, kind: 'visits', items: rows, nextCursor };
  }

  const { data } = await db
    .collection(COLLECTIONS.opinions)
    .where(_.and([target.opinions, createdWithin(db, range), figureQuery(db, drill, now)]))
    .orderBy('createdAt', 'asc')
    .orderBy('_id', 'asc')
    .skip(cursor)
    .limit(FIGURE_ITEMS_PAGE + 1)
    .field(PUBLIC_CASE_FIELDS)
    .get();
  const { items, nextCursor } = page(data as PublicCaseDoc[]);
  const rows: PublicCaseRow[] = items.map((opinion, index) => ({
    key: key(index),
    date: shanghaiDate(new Date(opinion.createdAt)),
    stationName: opinion.stationName,
    categoryLabel: OPINION_CATEGORY_LABELS[opinion.category],
    statusLabel: OPINION_STATUS_LABELS[opinion.status],
    outcomeLabel: opinion.outcome ? ANSWER_CATEGORY_LABELS[opinion.outcome] : '',
    ratingLabel: opinion.rating ? RATING_LABELS[opinion.rating.value] : '',
    text: publicText(opinion),
  }));
  return { drill, label, kind: 'cases', items: rows, nextCursor };
};
