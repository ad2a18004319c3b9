/**
 * `npm run bench -- --scale city`: every action a page's first screen calls, at 1, 10 and 50
 * concurrent callers, on the demo seed and on the city seed (runtime/seed/city): database
 * requests and documents read per call, p50 and p99, and how the cost grows from demo to city.
 */
import tcb from '@cloudbase/node-sdk';
import { COLLECTIONS } from '../infra/database';
import { DEMO_BINDING_CODE } from '../runtime/seed/demoOpinions';
import { CITY_ADMIN_OPENID, cityHandlerOpenid, cityStationStaffOpenid } from '../runtime/seed/city/cityData';
import { DB_DOCUMENTS_HEADER, DB_REQUESTS_HEADER } from '../runtime/server';
import { load, percentile } from './stats';

export const FIRST_SCREEN_LEVELS = [1, 10, 50];
const callsAt = (concurrency: number) => Math.max(10, concurrency * 2);

export interface Call {
  action: string;
  payload: unknown;
  openid?: string;
}

export interface Measured {
  action: string;
  concurrency: number;
  databaseRequests: number;
  documentsRead: number;
  /**
   * Records the answer shows (objects listed in its arrays, at least 1: a page of 20 on the city, of
   * 3 on the demo), and for each page that has a next one the record read past it, which is what
   * tells the screen 加载更多 (the answer shows it as its cursor).
   */
  documentsAnswered: number;
  p50: number;
  p99: number;
  /** Calls refused or timed out (CloudBase's limits, or the machine too busy): counted, not fatal. */
  failed: number;
}

export interface Cost {
  databaseRequests: number;
  documentsRead: number;
  documentsAnswered: number;
}

/** Pages an answer says continue (a `nextCursor` set, at any depth): each was read with one record more than it lists. */
function continuedIn(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  const own = !Array.isArray(value) && typeof (value as { nextCursor?: unknown }).nextCursor === 'string' ? 1 : 0;
  return Object.values(value).reduce<number>((sum, item) => sum + continuedIn(item), own);
}

/** Objects listed in an answer's arrays, at any depth: the records it shows. */
function listedIn(value: unknown): number {
  if (Array.isArray(value)) return value.reduce<number>((sum, item) => sum + (item !== null && typeof item === 'object' ? 1 : 0) + listedIn(item), 0);
  if (value === null || typeof value !== 'object') return 0;
  return Object.values(value).reduce<number>((sum, item) => sum + listedIn(item), 0);
}

/** What an answer shows, in documents (at least 1): the records it lists, and the one read past each page that continues. */
export function documentsShown(data: unknown): number {
  return Math.max(1, listedIn(data) + continuedIn(data));
}

async function post(url: string, call: Call): Promise<Cost> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (call.openid) headers['x-wx-openid'] = call.openid;
  const fn = call.action.slice(0, call.action.indexOf('.'));
  const res = await fetch(`${url}/fn/${fn}`, { method: 'POST', headers, body: JSON.stringify({ action: call.action, payload: call.payload }) });
  const body = (await res.json()) as { ok?: boolean; code?: string; message?: string; data?: unknown };
  if (!body.ok) throw new Error(`${call.action} answered ${body.code ?? res.status}: ${body.message ?? ''}`);
  return {
    databaseRequests: Number(res.headers.get(DB_REQUESTS_HEADER)),
    documentsRead: Number(res.headers.get(DB_DOCUMENTS_HEADER)),
    documentsAnswered: documentsShown(body.data),
  };
}

/** Who opens which screen, on either seed: found in the seeded data, not hard-wired ids of one seed. */
export async function firstScreenCalls(url: string, envId: string, seed: 'demo' | 'city', today: string): Promise<Call[]> {
  const db = tcb.init({ env: envId }).database();
  const _ = db.command;
  const city = seed === 'city';
  const stationId = city ? 'st-bh-001' : 'st-nanhu';
  const { data: stations } = await db.collection(COLLECTIONS.stations).where({ _id: stationId }).get();
  const station = stations[0] as { _id: string; areaId: string; areaPath: string[] };
  const { data: deputies } = await db.collection(COLLECTIONS.deputies).where({ stationIds: stationId }).limit(1).get();
  const deputy = deputies[0] as { _id: string; code: string };
  // A resident with opinions: the author of an opinion at the station.
  const { data: opinions } = await db.collection(COLLECTIONS.opinions).where({ stationId }).limit(1).get();
  const opinion = opinions[0] as { _id: string; authorOpenid: string };
  const { data: days } = await db
    .collection(COLLECTIONS.receptionDays)
    .where({ stationId, date: _.gte(today) })
    .limit(1)
    .get();
  const day = days[0] as { _id: string };
  // Staff open the roster of a day residents booked, on either seed: a roster showing anyone's name costs its
  // audit entry (one write, however many it shows), which an empty one does not.
  const { data: booked } = await db
    .collection(COLLECTIONS.bookings)
    .where({ status: _.in(['booked', 'waiting', 'checkedIn']), stationId })
    .limit(1)
    .get();
  const rosterDay = (booked[0] as { dayId: string } | undefined)?.dayId ?? day._id;
  // A deputy's WeChat account: bound in the city seed; bound here with the demo's binding code.
  let deputyOpenid = 'bench-deputy';
  if (city) {
    const { data: bound } = await db.collection(COLLECTIONS.accounts).where({ 'deputy.deputyId': 'dp-bh-00001' }).limit(1).get();
    deputyOpenid = (bound[0] as { _id: string })._id;
  } else {
    await post(url, { action: 'account.bindDeputy', payload: { code: DEMO_BINDING_CODE }, openid: deputyOpenid });
  }
  const admin = city ? CITY_ADMIN_OPENID : 'demo-staff-city';
  const stationStaff = city ? cityStationStaffOpenid(1) : 'demo-staff-jiangnan';
  const handler = city ? cityHandlerOpenid('dept-bh-d1-0') : 'demo-handler-jn-zhujian';
  const resident = opinion.authorOpenid;
  const monthStart = `${today.slice(0, 8)}01`;
  return [
    { action: 'account.getProfile', payload: {}, openid: resident },
    { action: 'directory.listAreas', payload: {} },
    { action: 'directory.listStations', payload: { areaId: station.areaPath[1] } },
    { action: 'directory.stationsScreen', payload: {} },
    { action: 'directory.getStation', payload: { stationId } },
    { action: 'directory.getDeputy', payload: { deputyId: deputy._id } },
    { action: 'directory.resolveScene', payload: { scene: `d=${deputy.code}` } },
    { action: 'directory.nearestStations', payload: { latitude: 30.5, longitude: 114.3 } },
    { action: 'opinion.listMine', payload: {}, openid: resident },
    { action: 'opinion.getMine', payload: { opinionId: opinion._id }, openid: resident },
    { action: 'booking.listDays', payload: { stationId }, openid: resident },
    { action: 'booking.getDay', payload: { dayId: day._id }, openid: resident },
    { action: 'booking.listMine', payload: {}, openid: resident },
    { action: 'opinion.inbox', payload: { status: 'pending' }, openid: deputyOpenid },
    { action: 'casework.list', payload: { view: 'toAccept' }, openid: admin },
    { action: 'casework.list', payload: { view: 'handling' }, openid: admin },
    { action: 'casework.listAssigned', payload: { view: 'todo' }, openid: handler },
    { action: 'casework.get', payload: { opinionId: opinion._id }, openid: admin },
    { action: 'casework.stats', payload: { from: monthStart, to: today }, openid: admin },
    { action: 'casework.statsScreen', payload: { from: monthStart, to: today }, openid: admin },
    { action: 'suggestion.sessionsScreen', payload: {}, openid: admin },
    { action: 'booking.getRoster', payload: { dayId: rosterDay }, openid: stationStaff },
    { action: 'booking.listStationDays', payload: { stationId, from: monthStart, to: today }, openid: stationStaff },
    { action: 'booking.getRule', payload: { stationId }, openid: stationStaff },
    { action: 'booking.scheduleScreen', payload: { stationId, from: today, to: today }, openid: stationStaff },
    { action: 'admin.listHolidayYears', payload: {}, openid: admin },
  ];
}

const labelOf = (call: Call) => (call.action === 'casework.list' ? `casework.list (${(call.payload as { view: string }).view})` : call.action);

export async function measureFirstScreens(url: string, calls: readonly Call[]): Promise<Measured[]> {
  const rows: Measured[] = [];
  for (const call of calls) {
    // A city run takes many minutes: say where it is.
    console.error(`[bench] ${labelOf(call)}`);
    for (const concurrency of FIRST_SCREEN_LEVELS) {
      const costs: Cost[] = [];
      let failed = 0;
      const result = await load(concurrency, callsAt(concurrency), async () => {
        try {
          costs.push(await post(url, call));
        } catch {
          failed += 1;
        }
      });
      const median = (pick: (cost: Cost) => number) =>
        percentile(
          costs.map(pick).sort((a, b) => a - b),
          50,
        );
      rows.push({
        action: labelOf(call),
        concurrency,
        databaseRequests: median((c) => c.databaseRequests),
        documentsRead: median((c) => c.documentsRead),
        documentsAnswered: median((c) => c.documentsAnswered),
        p50: result.p50,
        p99: result.p99,
        failed,
      });
    }
  }
  return rows;
}

/**
 * City cost over demo cost: the larger of the database-request ratio and the ratio of documents
 * read beyond those the answer shows. A list shows a full page on the city and three items on the
 * demo; what must stay flat as the data grows is what is read and not shown (a scan, a count made
 * by reading), not the page's length.
 */
export function costRatio(demo: Cost, city: Cost): number {
  const ratio = (c: number, d: number) => Math.max(c, 1) / Math.max(d, 1);
  const unshown = (cost: Cost) => Math.max(0, cost.documentsRead - cost.documentsAnswered);
  return Math.max(ratio(city.databaseRequests, demo.databaseRequests), ratio(unshown(city), unshown(demo)));
}
