import { COLLECTIONS } from '../../infra/database';
import { publishedIdFor, type ActivityDocument, type AttendanceDocument, type ContestDocument, type PublishedFiguresDocument } from '../../infra/documents/duty';
import type { PageCursor } from '../../miniprogram/shared/contract/fields';
import type { StaffScope } from '../../miniprogram/shared/domain/account';
import { yearSpan, type DutyFigures } from '../../miniprogram/shared/domain/duty';
import type { CallContext } from '../core/handler';
import { readPage } from '../core/paging';
import { findStations, placeOf, readAlong, staffCovers, type DeputyPlace } from './access';

/** Staff lists and exports of deputies go along `_id`: the order the deputies were read in before paging. */
const ALONG_ID = { field: '_id', direction: 'asc' } as const;

/**
 * One page of the active deputies of the stations a staff member's scope covers, with the place of
 * their stations: the scope's station ids (one request for up to a thousand stations; station staff
 * none), the page of deputies, their stations. Three requests whatever the page's place in the list.
 */
export async function pageDeputiesInScope(
  ctx: CallContext,
  staff: StaffScope,
  cursor: PageCursor | undefined,
  pageSize: number,
): Promise<{ deputies: DeputyPlace[]; nextCursor: string | null }> {
  const _ = ctx.db.command;
  const stationIds =
    staff.role === 'station'
      ? [staff.stationId ?? '']
      : (await readAlong<{ _id: string }>(ctx, COLLECTIONS.stations, { areaPath: staff.areaId }, { _id: 1 })).map((station) => station._id);
  if (stationIds.length === 0) return { deputies: [], nextCursor: null };
  const page = await readPage<{ _id: string; name: string; stationIds?: string[] }>(ctx.db, {
    collection: COLLECTIONS.deputies,
    where: [{ stationIds: _.in(stationIds), active: true }],
    order: ALONG_ID,
    cursor,
    pageSize,
    fields: { _id: true, name: true, stationIds: true },
  });
  const stations = await findStations(ctx, [...new Set(page.items.flatMap((deputy) => deputy.stationIds ?? []))]);
  const deputies = page.items.map((deputy) => placeOf(deputy, stations)).filter((deputy) => staffCovers(staff, deputy));
  return { deputies, nextCursor: page.nextCursor };
}

/** What the duty timer last published of a deputy's year (publishFigures.ts): up to a day old. */
export interface PublishedYear {
  total: number;
  figures: DutyFigures;
  /** The Shanghai date they were worked out on. */
  asOf: string;
}

/**
 * The published figures of `year` of these deputies (at most a thousand), in one request. A deputy
 * the timer has not yet worked out for that year (published another year, never, or before figures
 * were kept) is absent: the timer publishes only the current year.
 */
export async function readPublishedYears(ctx: CallContext, deputyIds: readonly string[], year: number): Promise<Map<string, PublishedYear>> {
  if (deputyIds.length === 0) return new Map();
  const _ = ctx.db.command;
  const { data } = await ctx.db
    .collection(COLLECTIONS.dutyPublished)
    .where({ _id: _.in(deputyIds.map((id) => publishedIdFor('deputy', id))) })
    .field({ subjectId: 1, year: 1, total: 1, figures: 1, asOf: 1 })
    .limit(deputyIds.length)
    .get();
  const found = new Map<string, PublishedYear>();
  for (const doc of data as Array<Pick<PublishedFiguresDocument, 'subjectId' | 'year' | 'total' | 'figures' | 'asOf'>>) {
    if (doc.year === year && doc.total !== undefined && doc.figures) found.set(doc.subjectId, { total: doc.total, figures: doc.figures, asOf: doc.asOf });
  }
  return found;
}

/** What waits for staff about each deputy in `year`: activities to confirm, contests to decide, leave asked. */
export interface Waiting {
  pendingActivities: number;
  openContests: number;
  askedLeaves: number;
}

/** The most waiting items of one kind read for a page; a page's deputies rarely have more than a few each. */
const WAITING_READ = 1000;

/**
 * What waits for staff about these deputies in `year`, counted from three reads (one per kind, on
 * the deputy's index), live: staff act on them, so they are never a day old.
 */
export async function readWaiting(ctx: CallContext, deputyIds: readonly string[], year: number): Promise<Map<string, Waiting>> {
  const waiting = new Map<string, Waiting>(deputyIds.map((id) => [id, { pendingActivities: 0, openContests: 0, askedLeaves: 0 }]));
  if (deputyIds.length === 0) return waiting;
  const _ = ctx.db.command;
  const ids = _.in([...deputyIds]);
  const { from, to } = yearSpan(year);
  const [activities, contests, leaves] = await Promise.all([
    ctx.db
      .collection(COLLECTIONS.dutyActivities)
      .where({ deputyIds: ids, date: _.gte(from).and(_.lte(to)), status: 'pending' })
      .field({ deputyIds: 1 })
      .limit(WAITING_READ)
      .get(),
    ctx.db.collection(COLLECTIONS.dutyContests).where({ deputyId: ids, year, status: 'open' }).field({ deputyId: 1 }).limit(WAITING_READ).get(),
    ctx.db
      .collection(COLLECTIONS.dutyAttendance)
      .where({ deputyId: ids, date: _.gte(from).and(_.lte(to)), 'leave.status': 'asked' })
      .field({ deputyId: 1 })
      .limit(WAITING_READ)
      .get(),
  ]);
  for (const doc of activities.data as Array<Pick<ActivityDocument, 'deputyIds'>>) {
    for (const id of doc.deputyIds) {
      const counts = waiting.get(id);
      if (counts) counts.pendingActivities += 1;
    }
  }
  for (const doc of contests.data as Array<Pick<ContestDocument, 'deputyId'>>) {
    const counts = waiting.get(doc.deputyId);
    if (counts) counts.openContests += 1;
  }
  for (const doc of leaves.data as Array<Pick<AttendanceDocument, 'deputyId'>>) {
    const counts = waiting.get(doc.deputyId);
    if (counts) counts.askedLeaves += 1;
  }
  return waiting;
}
