import { COLLECTIONS } from '../../../infra/database';
import type { DayDocument } from '../../../infra/documents/booking';
import type { ReviewDocument } from '../../../infra/documents/duty';
import type { OpinionDocument } from '../../../infra/documents/opinions';
import type { PublicFigures } from '../../../miniprogram/shared/contract/duty';
import { SATISFIED_RATINGS } from '../../../miniprogram/shared/domain/casework';
import { figureSentences, rankWithin, reviewPhase, STAR_RUBRIC, starsOf, yearSpan, type StationFigures } from '../../../miniprogram/shared/domain/duty';
import { addDays, shanghaiDate, shanghaiInstant } from '../../../miniprogram/shared/domain/time';
import { fail } from '../../core/errors';
import type { CallContext, Handler } from '../../core/handler';
import { findDeputies, findStations, type DeputyPlace } from '../access';
import { buildRecord, readRules } from '../record';

/**
 * 亮分, open to everyone: a deputy's figures this year in plain words (a ranking only where staff
 * turned it on, and then among the deputies of the same station), or a station's figures with the
 * stars the published rubric gives.
 */
export const getFigures: Handler<'duty.figures'> = async ({ deputyId, stationId, year }, ctx) => {
  const today = shanghaiDate(ctx.now);
  const y = year ?? Number(today.slice(0, 4));
  return deputyId ? deputyFigures(ctx, deputyId, y, today) : stationFigures(ctx, stationId as string, y, today);
};

async function deputyFigures(ctx: CallContext, deputyId: string, year: number, today: string): Promise<PublicFigures> {
  const [deputy] = await findDeputies(ctx, { _id: deputyId, active: true });
  if (!deputy) fail('DUTY.DEPUTY_NOT_FOUND');
  const [record, rules, reviews] = await Promise.all([
    buildRecord(ctx, deputy, year),
    readRules(ctx, deputy.areaPath),
    ctx.db
      .collection(COLLECTIONS.dutyReviews)
      .where({ deputyIds: deputyId, opensOn: ctx.db.command.lte(today) })
      .orderBy('opensOn', 'desc')
      .limit(10)
      .get(),
  ]);
  let ranking: PublicFigures['ranking'] = null;
  const station = deputy.stations[0];
  if (rules.settings.rankingShown && station) {
    const peers = (await findDeputies(ctx, { stationIds: station._id, active: true })) as DeputyPlace[];
    const scores = await Promise.all(peers.map(async (peer) => ({ id: peer.deputyId, total: (await buildRecord(ctx, peer, year)).score.total })));
    const mine = rankWithin(scores).get(deputyId);
    if (mine) ranking = { ...mine, within: station.name };
  }
  return {
    kind: 'deputy',
    id: deputyId,
    name: deputy.name,
    year,
    sentences: figureSentences(record.figures, year),
    figures: record.figures,
    stationFigures: null,
    ranking,
    stars: null,
    reviews: (reviews.data as ReviewDocument[]).map((review) => ({ reviewId: review._id, title: review.title, phase: reviewPhase(review, today) })),
  };
}

export async function stationFigures(ctx: CallContext, stationId: string, year: number, today: string): Promise<PublicFigures> {
  const station = (await findStations(ctx, [stationId])).get(stationId);
  if (!station) fail('COMMON.NOT_FOUND');
  const { db } = ctx;
  const _ = db.command;
  const { from, to } = yearSpan(year);
  const [days, opinions] = await Promise.all([
    db
      .collection(COLLECTIONS.receptionDays)
      .where({ stationId, date: _.gte(from).and(_.lte(to)) })
      .field({ _id: 1, date: 1, cancelled: 1 })
      .limit(1000)
      .get(),
    db
      .collection(COLLECTIONS.opinions)
      .where({ stationId, createdAt: _.gte(shanghaiInstant(from)).and(_.lt(shanghaiInstant(addDays(to, 1)))) })
      .field({ _id: 1, acceptedAt: 1, rating: 1, status: 1 })
      .limit(1000)
      .get(),
  ]);
  const held = (days.data as DayDocument[]).filter((day) => !day.cancelled && day.date < today);
  const received =
    held.length === 0
      ? 0
      : (
          await db
            .collection(COLLECTIONS.receptionRecords)
            .where({ dayId: _.in(held.map((day) => day._id)) })
            .count()
        ).total;
  const rows = opinions.data as OpinionDocument[];
  const rated = rows.filter((row) => row.status === 'closed' && row.rating && row.rating.value !== 'none');
  const figures: StationFigures = {
    receptionDays: held.length,
    residentsReceived: received,
    opinionsReceived: rows.length,
    answeredPercent: rows.length === 0 ? null : Math.round((rows.filter((row) => row.acceptedAt).length / rows.length) * 100),
    satisfiedPercent: rated.length === 0 ? null : Math.round((rated.filter((row) => SATISFIED_RATINGS.includes(row.rating!.value as never)).length / rated.length) * 100),
  };
  const sentences = [`${year}年开放接待日${figures.receptionDays}天，接待群众${figures.residentsReceived}人次，收到群众意见${figures.opinionsReceived}条。`];
  if (figures.answeredPercent !== null) sentences.push(`已答复或受理的意见占${figures.answeredPercent}%。`);
  if (figures.satisfiedPercent !== null) sentences.push(`群众评价满意（含基本满意）的占${figures.satisfiedPercent}%。`);
  return {
    kind: 'station',
    id: stationId,
    name: station.name,
    year,
    sentences,
    figures: null,
    stationFigures: figures,
    ranking: null,
    stars: { ...starsOf(figures), rubric: STAR_RUBRIC.map((criterion) => criterion.label) },
    reviews: [],
  };
}
