import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { DATABASE, type CollectionSpec } from '../infra/database';
import { runtimeClock, type RuntimeClock } from './clock';
import { configFromEnv, type RuntimeConfig } from './config';
import { openDatabase, type DatabaseEngine, type StoreReport } from './database';
import { FunctionHost, FunctionNotFoundError } from './functions/host';
import { OPENID_HEADER, openidFromHeader } from './functions/identity';
import { declaredPermissions } from './functions/permissions';
import { callingFunction, countDatabaseRequest, countDocumentsRead } from './functions/requestCounter';
import { applySdkEnvironment } from './functions/sdkEnvironment';
import { allowedHostnames, hasToken, refuseForeign, TOKEN_PARAM } from './guard';
import { BodyTooLargeError, parseJsonObject, readBody, sendJson } from './http';
import { answerHttpAccess, CONSOLE_PATH, HTTP_ACCESS_PREFIX, serveConsole } from './httpAccess';
import { PlanGate } from './limits';
import { createOpenApi, sendCloudCallReply, type LocalOpenApi } from './openapi';
import { parseMultipart } from './openapi/multipart';
import { createStorage, type LocalStorage } from './storage';
import { declaredTimers, scheduleTimers, timerEvent, type TimerTrigger } from './timers';

export const FUNCTIONS_DIR = resolve(__dirname, '..', 'build', 'cloudfunctions');
export const FUNCTIONS_SOURCE_DIR = resolve(__dirname, '..', 'cloudfunctions');
export const LOCAL_APP_ID = 'wx-local-lianxinqiao';
export const DB_REQUESTS_HEADER = 'x-lxq-db-requests';
export const DB_DOCUMENTS_HEADER = 'x-lxq-db-documents';
/** The function WeChat's message push (消息推送) calls, as configured in the console: image verdicts. */
export const MESSAGE_PUSH_FUNCTION = 'moderation';

export interface RunningRuntime {
  url: string;
  /** The token /admin and /outbox require (header x-lxq-runtime-token or ?token=). */
  token: string;
  /** The SDK endpoint with the token, as functions and tools point @cloudbase/node-sdk at it. */
  adminUrl: string;
  port: number;
  config: RuntimeConfig;
  database: DatabaseEngine;
  /** The runtime's clock: what functions, the database and the outbox take as now. */
  clock: RuntimeClock;
  /** The plan's limits it enforces (config.limits at start; `gate.apply` changes them). */
  gate: PlanGate;
  stop(): Promise<void>;
}

interface Services {
  token: string;
  hosts: ReadonlySet<string>;
  database: DatabaseEngine;
  functions: FunctionHost;
  timers: readonly TimerTrigger[];
  clock: RuntimeClock;
  openApi: LocalOpenApi;
  storage: LocalStorage;
  envId: string;
  /** The plan's limits (runtime/limits.ts): every database request and mini-program call passes it. */
  gate: PlanGate;
}

/** The CloudBase server protocol: the one endpoint @cloudbase/node-sdk talks to. */
async function answerAdmin(req: IncomingMessage, res: ServerResponse, services: Services): Promise<void> {
  const contentType = req.headers['content-type'] ?? '';
  if (contentType.startsWith('multipart/form-data')) {
    // Cloud calls (action wx.openApi) are the SDK's only multipart requests.
    const fields = parseMultipart(await readBody(req), contentType) ?? {};
    sendCloudCallReply(res, await services.openApi.handle(fields, { functionName: callingFunction(req.socket.remotePort) }));
    return;
  }
  const body = parseJsonObject(await readBody(req));
  if (!body || typeof body.action !== 'string') {
    sendJson(res, 200, { code: 'INVALID_PARAM', message: 'request body must be a JSON object with an action' });
    return;
  }
  const action = body.action;
  if (action.startsWith('database.')) {
    countDatabaseRequest(req.socket.remotePort);
    const admitted = services.gate.admitDatabase();
    if ('refusal' in admitted) return sendJson(res, 200, { ...admitted.refusal, requestId: '' });
    try {
      const answer = await services.database.handle(body, { functionName: callingFunction(req.socket.remotePort) });
      const list = (answer.data as { list?: unknown } | undefined)?.list;
      if (Array.isArray(list)) countDocumentsRead(req.socket.remotePort, list.length);
      sendJson(res, 200, answer);
    } finally {
      admitted.release();
    }
    return;
  }
  if (action.startsWith('storage.')) {
    sendJson(res, 200, await services.storage.handle(body));
    return;
  }
  sendJson(res, 200, { code: 'INVALID_ACTION', message: `action ${action} is not served by the local runtime`, requestId: '' });
}

/**
 * Folders a mini-program user may upload into, as wx.cloud.uploadFile lets any user of the app
 * (storage rules allow creating files there); everything else in storage is written by functions.
 */
const CLIENT_UPLOAD_FOLDERS = ['opinion-photos/', 'duty-photos/'];

/**
 * POST /client-upload { path }: the upload grant the mini-program's local back end asks for
 * (wx.cloud.uploadFile's first step). Needs no runtime token — unlike /admin, which serves the
 * SDK's whole protocol — and grants only paths inside CLIENT_UPLOAD_FOLDERS.
 */
async function answerClientUpload(req: IncomingMessage, res: ServerResponse, services: Services): Promise<void> {
  const body = parseJsonObject(await readBody(req));
  const path = typeof body?.path === 'string' ? body.path : '';
  if (!CLIENT_UPLOAD_FOLDERS.some((folder) => path.startsWith(folder)) || path.includes('..')) {
    sendJson(res, 403, { code: 'STORAGE_PATH_FORBIDDEN', message: `the mini-program may upload only into ${CLIENT_UPLOAD_FOLDERS.join(', ')}` });
    return;
  }
  sendJson(res, 200, await services.storage.handle({ action: 'storage.getUploadMetadata', path, method: 'put' }));
}

/**
 * The status of a call the platform refused or gave up on (runtime/limits.ts); its body is what
 * wx.cloud.callFunction's fail callback receives, `{ errCode, errMsg }`.
 */
export const PLATFORM_REFUSAL_STATUS = 429;

/** POST /fn/<name>: what wx.cloud.callFunction would return as `result`. */
async function answerFunction(name: string, req: IncomingMessage, res: ServerResponse, services: Services): Promise<void> {
  if (!services.functions.has(name)) {
    sendJson(res, 404, { code: 'FUNCTION_NOT_FOUND', message: `云函数 ${name} 不存在` });
    return;
  }
  const event = parseJsonObject(await readBody(req));
  if (!event) {
    sendJson(res, 400, { code: 'INVALID_PARAM', message: '请求体必须是 JSON 对象' });
    return;
  }
  const openid = openidFromHeader(req.headers[OPENID_HEADER]);
  // Over the plan's concurrency the call is not run; past its timeout the caller is answered without waiting.
  const admitted = services.gate.admitFunction(name);
  if ('refusal' in admitted) return sendJson(res, PLATFORM_REFUSAL_STATUS, admitted.refusal);
  const invocation = services.functions.invoke(name, event, openid);
  void invocation.finally(admitted.release).catch(() => undefined);
  const outcome = await services.gate.withinTimeout(name, invocation);
  if ('refusal' in outcome) return sendJson(res, PLATFORM_REFUSAL_STATUS, outcome.refusal);
  const { result, databaseRequests, documentsRead, requestId } = outcome.value;
  sendJson(res, 200, result ?? null, { [DB_REQUESTS_HEADER]: String(databaseRequests), [DB_DOCUMENTS_HEADER]: String(documentsRead), 'x-request-id': requestId });
}

/**
 * POST /openapi/media-check-verdict `{ traceId, suggest, label?, errcode? }`: WeChat's asynchronous image
 * verdict, delivered the way WeChat does it — a `wxa_media_check` event to the message-push
 * function. Answers what the function answered; 404 for a trace id this runtime never issued.
 */
async function pushMediaVerdict(req: IncomingMessage, res: ServerResponse, services: Services): Promise<void> {
  const body = parseJsonObject(await readBody(req));
  const suggest = body?.suggest;
  if (!body || typeof body.traceId !== 'string' || (suggest !== 'pass' && suggest !== 'review' && suggest !== 'risky')) {
    sendJson(res, 400, { code: 'INVALID_PARAM', message: 'body must be { traceId, suggest: pass|review|risky, label? }' });
    return;
  }
  const event = services.openApi.mediaCheckPush(body.traceId, {
    suggest,
    ...(typeof body.label === 'number' ? { label: body.label } : {}),
    ...(typeof body.errcode === 'number' ? { errcode: body.errcode } : {}),
  });
  if (!event) {
    sendJson(res, 404, { code: 'TRACE_NOT_FOUND', message: `no image check with trace_id ${body.traceId}` });
    return;
  }
  const { result } = await services.functions.invoke(MESSAGE_PUSH_FUNCTION, event, null, null);
  sendJson(res, 200, { delivered: true, result: result ?? null });
}

/** POST /timers/<function>: fires the function's timer triggers now (by the runtime clock), as CloudBase would. */
async function fireTimers(name: string, res: ServerResponse, services: Services): Promise<void> {
  const triggers = services.timers.filter((trigger) => trigger.functionName === name);
  if (triggers.length === 0) {
    sendJson(res, 404, { code: 'TIMER_NOT_FOUND', message: `云函数 ${name} 没有定时触发器` });
    return;
  }
  const at = services.clock.now();
  const results = [];
  for (const trigger of triggers) results.push({ trigger: trigger.name, ...(await services.functions.invoke(name, timerEvent(trigger, at), null, 'wx_trigger')) });
  sendJson(res, 200, { at: at.toISOString(), results: results.map(({ trigger, result, databaseRequests }) => ({ trigger, result, databaseRequests })) });
}

async function route(req: IncomingMessage, res: ServerResponse, services: Services): Promise<void> {
  const foreign = refuseForeign(req, services.hosts);
  if (foreign) return sendJson(res, foreign.status, { code: foreign.code, message: foreign.message }, { connection: 'close' });
  if (await services.storage.handleHttp(req, res)) return;
  const url = new URL(req.url ?? '/', 'http://localhost');
  if ((url.pathname === '/admin' || url.pathname === '/outbox') && !hasToken(req, url, services.token)) {
    return sendJson(res, 401, { code: 'TOKEN_REQUIRED', message: `${url.pathname} needs the token printed when the runtime started` }, { connection: 'close' });
  }
  if (req.method === 'POST' && url.pathname === '/admin') return answerAdmin(req, res, services);
  if (req.method === 'POST' && url.pathname === '/client-upload') return answerClientUpload(req, res, services);
  const fn = /^\/fn\/([^/]+)$/.exec(url.pathname);
  if (req.method === 'POST' && fn?.[1]) return answerFunction(decodeURIComponent(fn[1]), req, res, services);
  const timer = /^\/timers\/([^/]+)$/.exec(url.pathname);
  if (req.method === 'POST' && timer?.[1]) return fireTimers(decodeURIComponent(timer[1]), res, services);
  if (req.method === 'GET' && url.pathname === '/outbox') return sendJson(res, 200, { messages: services.openApi.outbox() });
  if (req.method === 'POST' && url.pathname === '/openapi/media-check-verdict') return pushMediaVerdict(req, res, services);
  if (req.method === 'GET' && url.pathname === '/limits') return sendJson(res, 200, services.gate.report());
  if (req.method === 'GET' && url.pathname === '/database/unindexed') return sendJson(res, 200, { queries: services.database.unindexedQueries() });
  if (req.method === 'DELETE' && url.pathname === '/database/unindexed') {
    services.database.resetUnindexedQueries();
    return sendJson(res, 200, { queries: [] });
  }
  if (req.method === 'GET' && url.pathname === '/health') return sendJson(res, 200, { ok: true, envId: services.envId, store: storeHealth(services.database.reportSoFar()) });
  if (req.method === 'GET' && url.pathname === '/store/cut') {
    // Loaded in turns first, serving other requests meanwhile; the cut itself is taken with no write in between.
    await services.database.loadAll();
    return sendJson(res, 200, { logs: services.database.cut() });
  }
  if (req.method === 'POST' && url.pathname.startsWith(HTTP_ACCESS_PREFIX)) {
    return answerHttpAccess(decodeURIComponent(url.pathname.slice(HTTP_ACCESS_PREFIX.length)), req, res, services.functions);
  }
  if (req.method === 'GET' && (url.pathname === '/console' || url.pathname.startsWith(CONSOLE_PATH))) {
    if (url.pathname === '/console') {
      res.writeHead(302, { location: CONSOLE_PATH });
      res.end();
      return;
    }
    return serveConsole(url.pathname, res);
  }
  sendJson(res, 404, { code: 'NOT_FOUND', message: `${req.method ?? ''} ${url.pathname} is not a runtime endpoint` });
}

/**
 * The store's state for /health: `flagged` while damage was found now or earlier and its quarantine
 * copies are still there to look at (delete a quarantine file once dealt with), or a collection could
 * not be loaded. `notLoadedYet`: collections still loading after start, whose damage is not known yet.
 */
export function storeHealth(report: StoreReport) {
  return {
    flagged: report.damage.length > 0 || report.quarantined.length > 0 || report.loadFailures.length > 0,
    damage: report.damage,
    quarantined: report.quarantined,
    notLoadedYet: report.notLoaded,
    loadFailures: report.loadFailures,
    compactionWaitingForSpace: report.compactionWaiting,
    ...(report.storedUntil && { lastRecordedAt: report.storedUntil.toISOString() }),
  };
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolvePort((server.address() as AddressInfo).port));
  });
}

/**
 * Starts the local CloudBase runtime: the embedded database, the function host and the HTTP
 * endpoints. `port: 0` picks a free port (tests). `schema` defaults to the project's declaration;
 * the benchmark adds collections of its own.
 */
export async function startRuntime(overrides: Partial<RuntimeConfig> = {}, schema: readonly CollectionSpec[] = DATABASE): Promise<RunningRuntime> {
  const config: RuntimeConfig = { ...configFromEnv(), ...overrides };
  const clock = runtimeClock(config.clock);
  // Opening tells the clock the store's latest instant; the collections load on use and in the background.
  const database = await openDatabase({ dataDir: join(config.dataDir, 'database'), schema, clock });
  const functions = new FunctionHost({
    ...(config.functions === 'source' ? { functionsDir: FUNCTIONS_SOURCE_DIR, entryFile: 'index.ts' } : { functionsDir: FUNCTIONS_DIR, entryFile: 'index.js' }),
    envId: config.envId,
    appId: LOCAL_APP_ID,
    clock,
    rateLimitScale: config.rateLimitScale,
  });
  const server = createServer();
  // The SDK's keep-alive agent drops an idle socket after 4.8 s. The server must outlast it, or a
  // request sent on a socket the server is closing at that moment fails with ECONNRESET under load.
  server.keepAliveTimeout = 30_000;
  let port: number;
  try {
    port = await listen(server, config.host, config.port);
  } catch (error) {
    await database.close();
    throw error;
  }
  database.announce(port);
  const reachableHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${reachableHost}:${port}`;
  const token = config.token ?? randomBytes(18).toString('base64url');
  // The SDK appends its query to a URL that already has one without a separator: end with "&".
  const adminUrl = `${url}/admin?${TOKEN_PARAM}=${encodeURIComponent(token)}&`;
  applySdkEnvironment(adminUrl, config.envId);

  // Requests are served only once every service exists; storage needs the URL for downloads.
  const timers = declaredTimers(FUNCTIONS_SOURCE_DIR);
  const services: Services = {
    token,
    hosts: allowedHostnames(config),
    database,
    functions,
    timers,
    clock,
    openApi: createOpenApi({ dataDir: config.dataDir, appId: LOCAL_APP_ID, now: () => clock.now(), permissions: declaredPermissions(FUNCTIONS_SOURCE_DIR) }),
    storage: createStorage({ dataDir: config.dataDir, publicUrl: url, now: () => clock.now() }),
    envId: config.envId,
    gate: new PlanGate(config.limits),
  };
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    route(req, res, services).catch((error: unknown) => {
      // The rest of the oversize body is never read: close the connection instead of leaving it hanging.
      if (error instanceof BodyTooLargeError) return sendJson(res, 413, { code: 'BODY_TOO_LARGE', message: '请求内容过大' }, { connection: 'close' });
      if (error instanceof FunctionNotFoundError) return sendJson(res, 404, { code: 'FUNCTION_NOT_FOUND', message: error.message });
      console.error('[runtime] request failed', error);
      if (!res.headersSent) sendJson(res, 500, { code: 'INTERNAL', message: '本地运行时内部错误' });
    });
  });

  const stopTimers = config.timers
    ? scheduleTimers(timers, clock, async (trigger, at) => {
        const { result } = await functions.invoke(trigger.functionName, timerEvent(trigger, at), null, 'wx_trigger');
        console.log(`[runtime] timer ${trigger.functionName}/${trigger.name} at ${at.toISOString()}: ${JSON.stringify(result)}`);
      })
    : () => undefined;

  return {
    url,
    token,
    adminUrl,
    port,
    config: { ...config, port },
    database,
    clock,
    gate: services.gate,
    async stop() {
      stopTimers();
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
      await database.close();
    },
  };
}
