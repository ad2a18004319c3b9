/**
 * Local cloud storage: answers node-sdk's storage calls and serves the files over HTTP,
 * keeping them as plain files under <dataDir>/storage/<cloudPath>.
 *
 * Routing (for the runtime's HTTP server):
 * - POST to the SDK endpoint (…/admin) with a JSON body whose `action` starts with "storage." →
 *   `handle(body)`; answer HTTP 200 with the returned object as JSON. Actions answered:
 *   storage.getUploadMetadata, storage.batchGetDownloadUrl, storage.batchDeleteFile.
 * - every request whose path starts with `<publicUrl path>/storage/` → `handleHttp(req, res)`:
 *   PUT stores an upload (the URL getUploadMetadata handed out, like COS), GET and HEAD serve a file.
 *   handleHttp answers false, touching nothing, for any other path.
 *
 * What node-sdk 3.18.3 does (src/storage/index.ts), and what this answers:
 * - uploadFile → POST { action: "storage.getUploadMetadata", path: cloudPath, method: "put" } →
 *   { data: { url, token, authorization, fileId, cosFileId, download_url } }; then
 *   PUT <url> with headers authorization, Signature, x-cos-security-token, x-cos-meta-fileid,
 *   key = encodeURIComponent(cloudPath) and the bytes (chunked). It parses the answer body as XML:
 *   empty = success (answers { fileID: fileId }); a COS <Error> with Code, Message, RequestId
 *   and TraceId is thrown. Here the PUT must carry the authorization getUploadMetadata issued.
 * - getTempFileURL → POST { action: "storage.batchGetDownloadUrl", file_list: [{ fileid, max_age, url_type }] }
 *   → { data: { download_list: [{ fileID, tempFileURL, code: "SUCCESS" | "STORAGE_FILE_NONEXIST" | … }] } }.
 *   tempFileURL is `<publicUrl>/storage/<cloudPath>?sign=<hex>&t=<unix seconds>`, the path unencoded,
 *   as CloudBase's is (the SDK encodeURI()s it before a download). Like CloudBase's signed URLs they
 *   expire: `t` is the runtime clock's instant plus `max_age` seconds (3600 when absent), and a GET
 *   after it, or with a sign this runtime did not make for that path and instant, is refused (403
 *   AccessDenied). Files under PRIVATE_FOLDERS are served only through such a URL; the others also
 *   by their plain path, like a public-read bucket.
 * - downloadFile → the above, then GET of the URL (200 with the bytes, or 404).
 * - deleteFile → POST { action: "storage.batchDeleteFile", fileid_list } → { data: { delete_list: [{ fileID, code }] } }.
 *
 * Uploads are written to <dataDir>/storage.incoming/ first and moved into place when complete.
 * fileIDs are `cloud://<env>.<env>-local/<cloudPath>`; the file is found by its cloudPath, whatever
 * the env. Cloud paths are refused (INVALID_PARAM) when empty, absolute, with empty, "." or ".."
 * segments, or with `\`, `?`, `#`, `%` or control characters (the last three would not survive the
 * SDK's encodeURI of download URLs).
 */
import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { systemClock } from '../../miniprogram/shared/domain/time';

export interface StorageOptions {
  /** The runtime's data folder; files live in <dataDir>/storage/. */
  dataDir: string;
  /** The runtime server's base URL as callers reach it, e.g. "http://127.0.0.1:3900". */
  publicUrl: string;
  /** Largest upload accepted, in bytes (default 50 MiB). */
  maxUploadBytes?: number;
  /** The runtime clock: download URLs expire by it. */
  now?: () => Date;
}

/** Folders whose files are served only through an unexpired signed URL: residents' data exports. */
export const PRIVATE_FOLDERS: readonly string[] = ['privacy-exports/'];

/** How long a download URL lives when the caller names no `max_age`. */
const DEFAULT_MAX_AGE_SECONDS = 3600;

export interface LocalStorage {
  handle(body: Record<string, unknown>): Promise<Record<string, unknown>>;
  handleHttp(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** The stored bytes for a fileID or cloud path, or null. */
  read(fileIdOrCloudPath: string): Promise<Buffer | null>;
  /** Stores bytes directly (seeding); answers the fileID the SDK would have got. */
  write(cloudPath: string, bytes: Buffer, envName?: string): Promise<string>;
}

const SUCCESS = 'SUCCESS';
const FILE_MISSING = 'STORAGE_FILE_NONEXIST';
const MAX_FILES_PER_CALL = 50;
const DEFAULT_MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.mp3': 'audio/mpeg',
  '.mp4': 'video/mp4',
};

class InvalidParam extends Error {}

export function isValidCloudPath(cloudPath: string): boolean {
  const segments = cloudPath.split('/');
  return cloudPath !== '' && !segments.some((s) => s === '' || s === '.' || s === '..') && !/[\\?#%\0-\x1f\x7f]/.test(cloudPath);
}

function cloudPathOf(fileIdOrCloudPath: string): string {
  const match = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileIdOrCloudPath);
  const cloudPath = fileIdOrCloudPath.startsWith('cloud://') ? (match?.[1] ?? '') : fileIdOrCloudPath;
  if (!isValidCloudPath(cloudPath)) throw new InvalidParam(`invalid file: ${JSON.stringify(fileIdOrCloudPath)}`);
  return cloudPath;
}

export function fileIdFor(envName: string, cloudPath: string): string {
  const env = envName || 'local';
  return `cloud://${env}.${env}-local/${cloudPath}`;
}

export function createStorage(options: StorageOptions): LocalStorage {
  const root = path.resolve(options.dataDir, 'storage');
  const incoming = path.resolve(options.dataDir, 'storage.incoming');
  const base = new URL(options.publicUrl);
  const urlPrefix = `${base.pathname.replace(/\/+$/, '')}/storage/`;
  const fileUrlBase = `${base.origin}${urlPrefix}`;
  const maxUploadBytes = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  // Upload grants are signed with a per-process key: only a PUT prepared by getUploadMetadata is stored.
  const signingKey = randomBytes(32);
  const grantFor = (cloudPath: string) => `local-cos ${createHmac('sha256', signingKey).update(cloudPath).digest('hex')}`;
  const now = options.now ?? (() => systemClock.now());
  // Download URLs are signed with the same key, over the path and the instant they expire.
  const signFor = (cloudPath: string, expires: number) => createHmac('sha256', signingKey).update(`download\n${cloudPath}\n${expires}`).digest('hex').slice(0, 32);
  const downloadUrlFor = (cloudPath: string, maxAgeSeconds: number) => {
    const expires = Math.floor(now().getTime() / 1000) + maxAgeSeconds;
    return `${fileUrlBase}${cloudPath}?sign=${signFor(cloudPath, expires)}&t=${expires}`;
  };
  /** Why a GET of `cloudPath` with this query may not have the file; null when it may. */
  const downloadRefusal = (cloudPath: string, query: URLSearchParams): string | null => {
    const sign = query.get('sign');
    const t = query.get('t');
    if (sign === null && t === null) return PRIVATE_FOLDERS.some((folder) => cloudPath.startsWith(folder)) ? 'this file is served only through a signed download URL' : null;
    const expires = Number(t);
    if (!sign || !t || !/^\d+$/.test(t)) return 'the download URL is incomplete';
    const expected = Buffer.from(signFor(cloudPath, expires));
    const given = Buffer.from(sign);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'the download URL was not signed for this file';
    if (now().getTime() >= expires * 1000) return 'Request has expired';
    return null;
  };

  const fileOf = (cloudPath: string) => path.join(root, ...cloudPath.split('/'));

  async function exists(cloudPath: string): Promise<boolean> {
    try {
      return (await stat(fileOf(cloudPath))).isFile();
    } catch {
      return false;
    }
  }

  async function store(cloudPath: string, from: string): Promise<void> {
    const file = fileOf(cloudPath);
    await mkdir(path.dirname(file), { recursive: true });
    await rename(from, file);
  }

  const actions: Record<string, (body: Record<string, unknown>, envName: string) => Promise<Record<string, unknown>>> = {
    async 'storage.getUploadMetadata'(body, envName) {
      if (typeof body.path !== 'string' || !isValidCloudPath(body.path)) throw new InvalidParam(`invalid cloud path: ${JSON.stringify(body.path)}`);
      if (body.method !== 'put') throw new InvalidParam('the local runtime hands out PUT uploads only (method: "put")');
      const cloudPath = body.path;
      return {
        url: `${fileUrlBase}${cloudPath.split('/').map(encodeURIComponent).join('/')}`,
        token: '',
        authorization: grantFor(cloudPath),
        fileId: fileIdFor(envName, cloudPath),
        // Sent back by the SDK as an HTTP header, so it must be ASCII whatever the path is.
        cosFileId: `local-${createHash('sha256').update(cloudPath).digest('hex').slice(0, 32)}`,
        download_url: `${fileUrlBase}${cloudPath}`,
      };
    },

    async 'storage.batchGetDownloadUrl'(body) {
      const list = fileList(body.file_list, (item) => (typeof item === 'object' && item !== null ? (item as { fileid?: unknown }).fileid : undefined));
      const maxAges = (body.file_list as unknown[]).map((item) => {
        const maxAge = typeof item === 'object' && item !== null ? (item as { max_age?: unknown }).max_age : undefined;
        return typeof maxAge === 'number' && Number.isInteger(maxAge) && maxAge > 0 ? maxAge : DEFAULT_MAX_AGE_SECONDS;
      });
      const download_list = await Promise.all(
        list.map(async (fileID, index) => {
          const cloudPath = tryCloudPath(fileID);
          if (cloudPath === null) return { fileID, tempFileURL: '', code: 'INVALID_PARAM' };
          if (!(await exists(cloudPath))) return { fileID, tempFileURL: '', code: FILE_MISSING };
          return { fileID, tempFileURL: downloadUrlFor(cloudPath, maxAges[index] ?? DEFAULT_MAX_AGE_SECONDS), code: SUCCESS };
        }),
      );
      return { download_list };
    },

    async 'storage.batchDeleteFile'(body) {
      const list = fileList(body.fileid_list, (item) => item);
      const delete_list = [];
      for (const fileID of list) {
        const cloudPath = tryCloudPath(fileID);
        if (cloudPath === null) delete_list.push({ fileID, code: 'INVALID_PARAM' });
        else if (!(await exists(cloudPath))) delete_list.push({ fileID, code: FILE_MISSING });
        else {
          await rm(fileOf(cloudPath));
          delete_list.push({ fileID, code: SUCCESS });
        }
      }
      return { delete_list };
    },
  };

  async function handleUpload(req: IncomingMessage, res: ServerResponse, cloudPath: string): Promise<void> {
    if (req.headers.authorization !== grantFor(cloudPath)) {
      await drain(req);
      return cosError(res, 403, 'SignatureDoesNotMatch', 'no upload was prepared for this path: call storage.getUploadMetadata first', cloudPath);
    }
    await mkdir(incoming, { recursive: true });
    const temp = path.join(incoming, randomUUID());
    const out = createWriteStream(temp);
    const hash = createHash('md5');
    let size = 0;
    try {
      for await (const chunk of req as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > maxUploadBytes) continue; // read on to the end, so the client gets the answer
        hash.update(chunk);
        if (!out.write(chunk)) await once(out, 'drain');
      }
      out.end();
      await finished(out);
    } catch (error) {
      out.destroy();
      await rm(temp, { force: true });
      throw error;
    }
    if (size > maxUploadBytes) {
      await rm(temp, { force: true });
      return cosError(res, 400, 'EntityTooLarge', `upload is larger than ${maxUploadBytes} bytes`, cloudPath);
    }
    try {
      await store(cloudPath, temp);
    } catch (error) {
      await rm(temp, { force: true });
      const code = (error as NodeJS.ErrnoException).code;
      // A file and a folder cannot share a path on disk, though COS keys could.
      if (code === 'EISDIR' || code === 'ENOTDIR' || code === 'EEXIST') {
        return cosError(res, 409, 'InvalidObjectName', 'a file and a folder of the local store would share this path', cloudPath);
      }
      throw error;
    }
    res.writeHead(200, { ETag: `"${hash.digest('hex')}"`, 'Content-Length': 0 }).end();
  }

  async function handleDownload(req: IncomingMessage, res: ServerResponse, cloudPath: string, query: URLSearchParams): Promise<void> {
    const refusal = downloadRefusal(cloudPath, query);
    if (refusal !== null) return cosError(res, 403, 'AccessDenied', refusal, cloudPath);
    const file = fileOf(cloudPath);
    let size: number;
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      size = info.size;
    } catch {
      return cosError(res, 404, 'NoSuchKey', 'The specified key does not exist.', cloudPath);
    }
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[path.extname(cloudPath).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': size,
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    await new Promise<void>((resolve, reject) => {
      createReadStream(file).on('error', reject).pipe(res).on('finish', resolve).on('error', reject);
    });
  }

  return {
    async handle(body) {
      const requestId = `local-${randomUUID()}`;
      const action = typeof body.action === 'string' ? body.action : '';
      const run = Object.prototype.hasOwnProperty.call(actions, action) ? actions[action] : undefined;
      if (!run) return { code: 'INVALID_ACTION', message: `storage action not offered locally: ${action}`, requestId };
      try {
        const data = await run(body, typeof body.envName === 'string' ? body.envName : '');
        return { requestId, data };
      } catch (error) {
        if (error instanceof InvalidParam) return { code: 'INVALID_PARAM', message: error.message, requestId };
        throw error;
      }
    },

    async handleHttp(req, res) {
      const { pathname, searchParams } = new URL(req.url ?? '/', 'http://local');
      if (!pathname.startsWith(urlPrefix)) return false;
      let cloudPath: string;
      try {
        cloudPath = pathname.slice(urlPrefix.length).split('/').map(decodeURIComponent).join('/');
      } catch {
        cloudPath = '';
      }
      if (!isValidCloudPath(cloudPath)) {
        await drain(req);
        cosError(res, 400, 'InvalidURI', 'Could not parse the specified URI.', pathname);
      } else if (req.method === 'PUT') await handleUpload(req, res, cloudPath);
      else if (req.method === 'GET' || req.method === 'HEAD') await handleDownload(req, res, cloudPath, searchParams);
      else {
        await drain(req);
        cosError(res, 405, 'MethodNotAllowed', `${req.method ?? ''} is not allowed here`, cloudPath);
      }
      return true;
    },

    async read(fileIdOrCloudPath) {
      const cloudPath = cloudPathOf(fileIdOrCloudPath);
      try {
        return await readFile(fileOf(cloudPath));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },

    async write(cloudPath, bytes, envName = '') {
      if (!isValidCloudPath(cloudPath)) throw new RangeError(`invalid cloud path: ${JSON.stringify(cloudPath)}`);
      await mkdir(incoming, { recursive: true });
      const temp = path.join(incoming, randomUUID());
      await writeFile(temp, bytes);
      await store(cloudPath, temp);
      return fileIdFor(envName, cloudPath);
    },
  };
}

function tryCloudPath(fileID: string): string | null {
  try {
    return cloudPathOf(fileID);
  } catch {
    return null;
  }
}

function fileList(value: unknown, fileIdOf: (item: unknown) => unknown): string[] {
  if (!Array.isArray(value)) throw new InvalidParam('the file list must be an array');
  if (value.length > MAX_FILES_PER_CALL) throw new InvalidParam(`at most ${MAX_FILES_PER_CALL} files per call`);
  return value.map((item) => {
    const fileID = fileIdOf(item);
    if (typeof fileID !== 'string' || fileID === '') throw new InvalidParam('every file in the list needs a fileID');
    return fileID;
  });
}

async function drain(req: IncomingMessage): Promise<void> {
  if (req.readableEnded) return;
  await new Promise<void>((resolve) => {
    req.on('end', resolve).on('error', () => resolve());
    req.resume();
  });
}

function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A COS-style XML error: the SDK reads Code, Message, RequestId and TraceId from it. */
function cosError(res: ServerResponse, status: number, code: string, message: string, resource: string): void {
  const id = randomUUID();
  const body = [
    "<?xml version='1.0' encoding='utf-8' ?>",
    '<Error>',
    `  <Code>${code}</Code>`,
    `  <Message>${xmlText(message)}</Message>`,
    `  <Resource>${xmlText(resource)}</Resource>`,
    `  <RequestId>${id}</RequestId>`,
    `  <TraceId>${id}</TraceId>`,
    '</Error>',
  ].join('\n');
  res.writeHead(status, { 'Content-Type': 'application/xml', 'Content-Length': Buffer.byteLength(body) }).end(body);
}
