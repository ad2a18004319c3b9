import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { FunctionHost } from './functions/host';
import { readBody, sendJson } from './http';

/**
 * CloudBase's HTTP access (HTTP 访问服务), locally: `POST /api/<function>` invokes the function
 * with the HTTP request as its event — path, method, headers, body, the caller's address — and
 * no WeChat identity, then sends the function's integration response ({ statusCode, headers,
 * body }) back as the HTTP answer. The staff console calls every action this way.
 */
export const HTTP_ACCESS_PREFIX = '/api/';

export async function answerHttpAccess(name: string, req: IncomingMessage, res: ServerResponse, functions: FunctionHost): Promise<void> {
  if (!functions.has(name)) {
    sendJson(res, 404, { code: 'FUNCTION_NOT_FOUND', message: `云函数 ${name} 不存在` });
    return;
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) if (typeof value === 'string') headers[key] = value;
  const event = {
    path: url.pathname,
    httpMethod: req.method ?? 'GET',
    headers,
    queryStringParameters: Object.fromEntries(url.searchParams),
    body: (await readBody(req)).toString('utf8'),
    isBase64Encoded: false,
    requestContext: { sourceIp: req.socket.remoteAddress ?? '' },
  };
  const { result } = await functions.invoke(name, event, null, null);
  const answer = result as { statusCode?: unknown; headers?: Record<string, string>; body?: unknown } | null;
  if (!answer || typeof answer.statusCode !== 'number') {
    // A function that answers a plain object: HTTP access sends it as JSON.
    sendJson(res, 200, result ?? null);
    return;
  }
  const body = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? null);
  res.writeHead(answer.statusCode, { ...answer.headers, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** The staff console, as built by `npm run build` (Vite, into build/console), served at /console/. */
export const CONSOLE_PATH = '/console/';
export const CONSOLE_DIST = resolve(__dirname, '..', 'build', 'console');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** GET /console/…: a file of the built console, or its index.html for the app's own routes. */
export function serveConsole(pathname: string, res: ServerResponse, dist = CONSOLE_DIST): void {
  const relative = normalize(decodeURIComponent(pathname.slice(CONSOLE_PATH.length)) || 'index.html');
  let file = join(dist, relative);
  if (!file.startsWith(dist + sep) || !existsSync(file) || !statSync(file).isFile()) file = join(dist, 'index.html');
  if (!existsSync(file)) {
    sendJson(res, 404, { code: 'CONSOLE_NOT_BUILT', message: '工作台尚未构建：请先运行 npm run build' });
    return;
  }
  const content = readFileSync(file);
  const isIndex = file.endsWith('index.html');
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': content.length,
    'cache-control': isIndex ? 'no-cache' : 'public, max-age=31536000, immutable',
    'x-content-type-options': 'nosniff',
    ...(isIndex
      ? { 'content-security-policy': "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'", 'x-frame-options': 'DENY' }
      : {}),
  });
  res.end(content);
}
