import { COLLECTIONS } from '../../infra/database';
import { publishedIdFor, type PublishedFiguresDocument } from '../../infra/documents/duty';
import { figureSentences, rankWithin } from '../../miniprogram/shared/domain/duty';
import { shanghaiDate } from '../../miniprogram/shared/domain/time';
import type { CallContext } from '../core/handler';
import { inTurns } from '../core/inTurns';
import { findDeputies, readAlong, type StationPlace } from './access';
import { stationFigures } from './actions/getFigures';
import { chooseTurn, stillDue, type PublishedTotal } from './publishingTurn';
import { buildRecord, readRules, RECORDS_AT_ONCE } from './record';

/** What every deputy's published figures say of their total and age: one request a thousand deputies. */
async function readPublishedTotals(ctx: CallContext): Promise<Map<string, PublishedTotal>> {
  const _ = ctx.db.command;
  const from = publishedIdFor('deputy', '');
  // Every deputy's document and no station's: the ids from "deputy|" up to the next character after "|".
  const until = `${from.slice(0, -1)}${String.fromCharCode(from.charCodeAt(from.length - 1) + 1)}`;
  const docs = await readAlong<PublishedTotal & { _id: string }>(
    ctx,
    COLLECTIONS.dutyPublished,
    { _id: _.gte(from).and(_.lt(until)) },
    { _id: 1, subjectId: 1, year: 1, total: 1, asOf: 1, computedAt: 1 },
  );
  return new Map(docs.map((doc) => [doc.subjectId, doc]));
}

/**
 * 亮分 published for the directory's pages: active deputies' and stations' figures of the current
 * year, written as one document each (`duty_published`), so a resident's deputy or station page
 * joins them in the query it already makes. A city's 5,000 deputies cost about eight requests each
 * to work out, more than one firing may spend (a basic plan allows about 30 requests a second), so
 * each hourly firing works out a turn (publishingTurn.ts): whole stations, the oldest figures first,
 * at least a twentieth of the deputies (every one within a day; the demo's all at each firing).
 * A ranking is written only for deputies whose area's staff turned it on: among the deputies of the
 * same station (shown on the public page; they move together) and among those of that area (shown
 * on the deputy's record; peers outside this turn count with the total they were last published
 * with); elsewhere both stay null.
 */
export async function publishFigures(ctx: CallContext): Promise<{ deputies: number; stations: number; due: number }> {
  const today = shanghaiDate(ctx.now);
  const year = Number(today.slice(0, 4));
  const [deputies, published] = await Promise.all([findDeputies(ctx, { active: true }), readPublishedTotals(ctx)]);
  const turn = chooseTurn(deputies, published, year);
  const records = new Map(await inTurns(turn, RECORDS_AT_ONCE, async (deputy) => [deputy.deputyId, await buildRecord(ctx, deputy, year)] as const));
  // Per station: the area whose staff turned ranking on there, or none.
  const rankingArea = new Map<string, string | null>();
  const stations = new Map<string, StationPlace>();
  for (const deputy of turn) for (const station of deputy.stations) stations.set(station._id, station);
  await inTurns([...stations.values()], RECORDS_AT_ONCE, async (station) => {
    const { settings, settingsAreaId } = await readRules(ctx, station.areaPath);
    rankingArea.set(station._id, settings.rankingShown ? settingsAreaId : null);
  });
  const areaIds = [...new Set([...rankingArea.values()].filter((id): id is string => !!id))];
  const areaNames = new Map<string, string>(
    areaIds.length === 0
      ? []
      : (
          (
            await ctx.db
              .collection(COLLECTIONS.areas)
              .where({ _id: ctx.db.command.in(areaIds) })
              .field({ _id: 1, name: 1 })
              .limit(1000)
              .get()
          ).data as Array<{ _id: string; name: string }>
        ).map((area) => [area._id, area.name]),
  );
  const lastPublished = (deputyId: string) => {
    const doc = published.get(deputyId);
    return doc?.year === year ? doc.total : undefined;
  };
  const totalOf = (peer: { deputyId: string }) => ({ id: peer.deputyId, total: records.get(peer.deputyId)?.score.total ?? lastPublished(peer.deputyId) ?? 0 });
  const publication = ctx.db.collection(COLLECTIONS.dutyPublished);
  const write = (doc: PublishedFiguresDocument) => {
    const { _id, ...rest } = doc;
    return publication.doc(_id).set(rest);
  };

  await inTurns(turn, RECORDS_AT_ONCE, async (deputy) => {
    const record = records.get(deputy.deputyId);
    if (!record) return;
    const station = deputy.stations[0];
    let ranking: PublishedFiguresDocument['ranking'] = null;
    let areaRanking: PublishedFiguresDocument['ranking'] = null;
    const areaId = station ? rankingArea.get(station._id) : null;
    if (station && areaId) {
      const peers = deputies.filter((peer) => peer.stationIds.includes(station._id));
      const mine = rankWithin(peers.map(totalOf)).get(deputy.deputyId);
      if (mine) ranking = { ...mine, within: station.name };
      const areaPeers = deputies.filter((peer) => peer.areaPath.includes(areaId));
      const inArea = rankWithin(areaPeers.map(totalOf)).get(deputy.deputyId);
      if (inArea) areaRanking = { ...inArea, within: areaNames.get(areaId) ?? '' };
    }
    await write({
      _id: publishedIdFor('deputy', deputy.deputyId),
      kind: 'deputy',
      subjectId: deputy.deputyId,
      year,
      sentences: figureSentences(record.figures, year),
      total: record.score.total,
      figures: record.figures,
      ranking,
      areaRanking,
      stars: null,
      asOf: today,
      computedAt: ctx.now,
    });
  });
  await inTurns([...stations.keys()], RECORDS_AT_ONCE, async (stationId) => {
    const figures = await stationFigures(ctx, stationId, year, today);
    await write({
      _id: publishedIdFor('station', stationId),
      kind: 'station',
      subjectId: stationId,
      year,
      sentences: figures.sentences,
      ranking: null,
      areaRanking: null,
      stars: figures.stars,
      asOf: today,
      computedAt: ctx.now,
    });
  });
  const done = new Set(turn.map((deputy) => deputy.deputyId));
  return { deputies: turn.length, stations: stations.size, due: stillDue(deputies, published, done, year, today) };
}
