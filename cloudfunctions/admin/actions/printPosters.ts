import { findAmong } from '../../core/reads';
import { COLLECTIONS } from '../../../infra/database';
import type { DayDocument } from '../../../infra/documents/booking';
import { DEPUTY_LEVEL_LABELS, type Area, type Deputy } from '../../../miniprogram/shared/domain/directory';
import { posterSchedule, type PosterContent } from '../../../miniprogram/shared/domain/poster';
import { encodeScene, type SceneKind } from '../../../miniprogram/shared/domain/scene';
import { addDays, shanghaiDate } from '../../../miniprogram/shared/domain/time';
import { fail } from '../../core/errors';
import type { CallContext, Handler } from '../../core/handler';
import { createQrCode, WxOpenApiError, type QrCodeImage } from '../../core/openapi';
import { renderPosterSheet, type PosterTarget } from '../posterSheet';
import { coversAnyStation, coversStation, loadStaff, type StationDocument } from '../staffScope';
import { SCAN_PAGE } from './createQrCode';

/** How far ahead a poster looks for dated reception days. */
const SCHEDULE_DAYS = 60;

type Printable = PosterContent & { code: string };
type DayRow = Pick<DayDocument, 'stationId' | 'date' | 'windows' | 'deputyIds' | 'cancelled'>;
const DAY_FIELDS = { stationId: true, date: true, windows: true, deputyIds: true, cancelled: true } as const;

/**
 * QR posters or cards, print-ready (A4 PDF): for each chosen station or deputy in the caller's
 * scope, its name, level, station, reception schedule (the standing rule in staff's words and the
 * next reception days) and its mini-program code — the same code admin.createQrCode makes, opening
 * the scan page. In the order chosen. Database requests: the caller, the targets, their stations
 * (deputies) or areas (stations), the coming days; then one code per target from WeChat.
 */
export const printPosters: Handler<'admin.printPosters'> = async ({ kind, ids, layout }, ctx) => {
  const { scope } = await loadStaff(ctx);
  const today = shanghaiDate(ctx.now);
  const range = { from: today, to: addDays(today, SCHEDULE_DAYS) };
  const printable = kind === 'station' ? await stationPosters(ctx, ids, range) : await deputyPosters(ctx, ids, range);
  for (const target of printable) if (!target.inScope(scope)) fail('ADMIN.OUT_OF_SCOPE');

  const targets: PosterTarget[] = [];
  for (const target of printable) targets.push({ ...target.content, code: await miniProgramCode(kind, target.content.code) });
  const pdf = await renderPosterSheet(targets, layout, { title: layout === 'poster' ? '连心桥二维码海报' : '连心桥二维码卡片', now: ctx.now });
  const what = kind === 'station' ? '联络站' : '代表';
  const pages = layout === 'poster' ? targets.length : Math.ceil(targets.length / 8);
  return { fileName: `${what}${layout === 'poster' ? '海报' : '卡片'}-${today}.pdf`, pdf: pdf.toString('base64'), pages };
};

async function miniProgramCode(kind: SceneKind, code: string): Promise<QrCodeImage> {
  const scene = encodeScene({ kind, code });
  try {
    return await createQrCode({ scene, page: SCAN_PAGE, checkPath: process.env.QR_CHECK_PATH !== 'false' });
  } catch (error) {
    if (!(error instanceof WxOpenApiError)) throw error;
    console.error(`[admin] poster code for ${scene} refused by WeChat: ${error.errcode} ${error.errmsg}`);
    return fail('ADMIN.QR_FAILED');
  }
}

type Candidate = { content: Printable; inScope: (scope: Parameters<typeof coversStation>[0]) => boolean };

/** The chosen ids' documents in the order chosen: COMMON.NOT_FOUND if one is missing, ADMIN.TARGET_INACTIVE if one is retired. */
function inOrder<T extends { _id: string; active: boolean }>(ids: readonly string[], found: readonly T[]): T[] {
  const byId = new Map(found.map((doc) => [doc._id, doc]));
  return ids.map((id) => {
    const doc = byId.get(id);
    if (!doc) return fail('COMMON.NOT_FOUND');
    if (!doc.active) return fail('ADMIN.TARGET_INACTIVE');
    return doc;
  });
}

async function stationPosters(ctx: CallContext, ids: readonly string[], range: { from: string; to: string }): Promise<Candidate[]> {
  const _ = ctx.db.command;
  const stations = inOrder(ids, await findAmong<StationDocument>(ctx.db, COLLECTIONS.stations, '_id', ids, ids.length));
  const [areaRes, dayRes] = await Promise.all([
    ctx.db
      .collection(COLLECTIONS.areas)
      .where({ _id: _.in([...new Set(stations.map((s) => s.areaId))]) })
      .limit(100)
      .get(),
    ctx.db
      .collection(COLLECTIONS.receptionDays)
      .where({ stationId: _.in([...ids]), date: _.gte(range.from).and(_.lte(range.to)) })
      .orderBy('date', 'asc')
      .field(DAY_FIELDS)
      .limit(1000)
      .get(),
  ]);
  const areaName = new Map((areaRes.data as Area[]).map((a) => [a._id, a.name]));
  const days = dayRes.data as DayRow[];
  return stations.map((station) => ({
    content: {
      code: station.code,
      title: station.name,
      level: ['人大代表联络站', areaName.get(station.areaId)].filter(Boolean).join(' · '),
      station: [`地址：${station.address}`, station.phone ? `电话：${station.phone}` : ''].filter(Boolean).join('\n'),
      schedule: posterSchedule(
        [station.receptionNote, station.openingHours ? `开放时间：${station.openingHours}` : ''],
        days.filter((d) => d.stationId === station._id),
      ),
    },
    inScope: (scope) => coversStation(scope, station),
  }));
}

async function deputyPosters(ctx: CallContext, ids: readonly string[], range: { from: string; to: string }): Promise<Candidate[]> {
  const _ = ctx.db.command;
  const deputies = inOrder(ids, await findAmong<Deputy>(ctx.db, COLLECTIONS.deputies, '_id', ids, ids.length));
  const stationIds = [...new Set(deputies.flatMap((d) => d.stationIds))];
  const [stationDocs, dayRes] = await Promise.all([
    findAmong<StationDocument>(ctx.db, COLLECTIONS.stations, '_id', stationIds),
    ctx.db
      .collection(COLLECTIONS.receptionDays)
      .where({ deputyIds: _.in([...ids]), date: _.gte(range.from).and(_.lte(range.to)) })
      .orderBy('date', 'asc')
      .field(DAY_FIELDS)
      .limit(1000)
      .get(),
  ]);
  const stations = new Map(stationDocs.map((s) => [s._id, s]));
  const days = dayRes.data as DayRow[];
  return deputies.map((deputy) => {
    const own = deputy.stationIds.map((id) => stations.get(id)).filter((s): s is StationDocument => Boolean(s));
    return {
      content: {
        code: deputy.code,
        title: deputy.name,
        level: DEPUTY_LEVEL_LABELS[deputy.level],
        station: `联络站：${own.map((s) => s.name).join('、') || '未安排'}`,
        schedule: posterSchedule(
          own.map((s) => (s.receptionNote ? `${own.length > 1 ? `${s.name}：` : ''}${s.receptionNote}` : '')),
          days.filter((d) => d.deputyIds.includes(deputy._id)),
        ),
      },
      inScope: (scope) => coversAnyStation(scope, own),
    };
  });
}
