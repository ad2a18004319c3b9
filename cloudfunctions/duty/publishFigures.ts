import { COLLECTIONS } from '../../infra/database';
import { publishedIdFor, type PublishedFiguresDocument } from '../../infra/documents/duty';
import { figureSentences, rankWithin } from '../../miniprogram/shared/domain/duty';
import { shanghaiDate } from '../../miniprogram/shared/domain/time';
import type { CallContext } from '../core/handler';
import { inTurns } from '../core/inTurns';
import { findDeputies, type StationPlace } from './access';
import { stationFigures } from './actions/getFigures';
import { buildRecord, readRules, RECORDS_AT_ONCE } from './record';

/**
 * 亮分 published for the directory's pages: every active deputy's and station's figures of the
 * current year, worked out once per firing and written as one document each (`duty_published`),
 * so a resident's deputy or station page joins them in the query it already makes. A ranking is
 * written only for deputies whose area's staff turned it on: among the deputies of the same
 * station (shown on the public page) and among those of that area (shown on the deputy's record);
 * elsewhere both stay null.
 */
export async function publishFigures(ctx: CallContext): Promise<{ deputies: number; stations: number }> {
  const today = shanghaiDate(ctx.now);
  const year = Number(today.slice(0, 4));
  const deputies = await findDeputies(ctx, { active: true });
  const records = new Map(await inTurns(deputies, RECORDS_AT_ONCE, async (deputy) => [deputy.deputyId, await buildRecord(ctx, deputy, year)] as const));
  // Per station: the area whose staff turned ranking on there, or none.
  const rankingArea = new Map<string, string | null>();
  const stations = new Map<string, StationPlace>();
  for (const deputy of deputies) for (const station of deputy.stations) stations.set(station._id, station);
  await Promise.all(
    [...stations.values()].map(async (station) => {
      const { settings, settingsAreaId } = await readRules(ctx, station.areaPath);
      rankingArea.set(station._id, settings.rankingShown ? settingsAreaId : null);
    }),
  );
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
  const totalOf = (peer: { deputyId: string }) => ({ id: peer.deputyId, total: records.get(peer.deputyId)?.score.total ?? 0 });
  const published = ctx.db.collection(COLLECTIONS.dutyPublished);
  const write = (doc: PublishedFiguresDocument) => {
    const { _id, ...rest } = doc;
    return published.doc(_id).set(rest);
  };

  await inTurns(deputies, RECORDS_AT_ONCE, async (deputy) => {
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
  return { deputies: deputies.length, stations: stations.size };
}
