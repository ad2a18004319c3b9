import '../../support/functionHostEnv';
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { StorageFileError, deleteFiles, downloadBuffer, getDownloadUrls, uploadBuffer } from '../../../cloudfunctions/core/storage';
import { createStorage, type LocalStorage } from '../../../runtime/storage';
import { useScratchDir, useStandInServer } from '../../support/standIn';

let dataDir: string;
let storage: LocalStorage;
let baseUrl: string;

/** The stand-in for the runtime server: storage.* actions and the /storage/ paths go to local storage. */
const serveStorage: http.RequestListener = (req, res) => {
  void (async () => {
    if (await storage.handleHttp(req, res)) return;
    const chunks: Buffer[] = [];
    for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
    const answer = String(body.action).startsWith('storage.') ? await storage.handle(body) : { code: 'INVALID_ACTION', message: String(body.action) };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
  })().catch((error: unknown) => res.writeHead(500).end(String(error)));
};

/** The storage's clock: download URLs expire by it. */
const START = new Date('2026-12-02T09:00:00+08:00');
let clockAt = START;

function useStorage(maxUploadBytes?: number): void {
  clockAt = START;
  storage = createStorage({ dataDir, publicUrl: baseUrl, now: () => clockAt, ...(maxUploadBytes ? { maxUploadBytes } : {}) });
}

useStandInServer(serveStorage, (url) => (baseUrl = url));

useScratchDir('storage-', (dir) => {
  dataDir = dir;
  useStorage();
});

describe('uploading and downloading through node-sdk', () => {
  it('gives back the same bytes that were uploaded, kept as a plain file', async () => {
    const bytes = randomBytes(300 * 1024);
    const fileID = await uploadBuffer({ cloudPath: 'opinions/42/photo.png', content: bytes });

    expect(fileID).toBe('cloud://local-test.local-test-local/opinions/42/photo.png');
    expect((await downloadBuffer(fileID)).equals(bytes)).toBe(true);
    expect(readFileSync(path.join(dataDir, 'storage', 'opinions', '42', 'photo.png')).equals(bytes)).toBe(true);
    expect((await storage.read(fileID))?.equals(bytes)).toBe(true);
  });

  it('keeps Chinese names and spaces intact', async () => {
    const bytes = Buffer.from('代表联络站照片');
    const fileID = await uploadBuffer({ cloudPath: '联络站/幸福街道 1号.jpg', content: bytes });
    expect((await downloadBuffer(fileID)).toString()).toBe('代表联络站照片');
  });

  it('replaces a file uploaded again at the same path', async () => {
    await uploadBuffer({ cloudPath: 'a/b.txt', content: Buffer.from('first') });
    const fileID = await uploadBuffer({ cloudPath: 'a/b.txt', content: Buffer.from('second') });
    expect((await downloadBuffer(fileID)).toString()).toBe('second');
  });

  it('serves temp URLs over plain HTTP with a content type', async () => {
    const bytes = randomBytes(1024);
    const fileID = await uploadBuffer({ cloudPath: 'qr/station-7.png', content: bytes });
    const [entry] = await getDownloadUrls([fileID], 600);

    expect(entry?.url).toBe(`${baseUrl}/storage/qr/station-7.png?sign=${new URL(entry?.url ?? '').searchParams.get('sign')}&t=${START.getTime() / 1000 + 600}`);
    const response = await fetch(entry?.url ?? '');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
  });
});

describe('download URLs expire, like CloudBase’s signed URLs', () => {
  it('serves a URL until its max_age has passed, then refuses it', async () => {
    const fileID = await uploadBuffer({ cloudPath: 'privacy-exports/abc/my-data.json', content: Buffer.from('{"mine":true}') });
    const [entry] = await getDownloadUrls([fileID], 600);
    clockAt = new Date(START.getTime() + 599_000);
    expect((await fetch(entry?.url ?? '')).status).toBe(200);
    clockAt = new Date(START.getTime() + 600_000);
    const expired = await fetch(entry?.url ?? '');
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('<Code>AccessDenied</Code>');
  });

  it('refuses a sign made for another file or another instant, and a private file by its plain path', async () => {
    const mine = await uploadBuffer({ cloudPath: 'privacy-exports/abc/my-data.json', content: Buffer.from('mine') });
    await uploadBuffer({ cloudPath: 'privacy-exports/def/my-data.json', content: Buffer.from('theirs') });
    const [entry] = await getDownloadUrls([mine], 600);
    const url = new URL(entry?.url ?? '');
    const sign = url.searchParams.get('sign') ?? '';
    const t = Number(url.searchParams.get('t'));
    expect((await fetch(`${baseUrl}/storage/privacy-exports/def/my-data.json?sign=${sign}&t=${t}`)).status).toBe(403);
    expect((await fetch(`${baseUrl}/storage/privacy-exports/abc/my-data.json?sign=${sign}&t=${t + 86400}`)).status).toBe(403);
    expect((await fetch(`${baseUrl}/storage/privacy-exports/abc/my-data.json`)).status).toBe(403);
    expect((await fetch(`${baseUrl}/storage/privacy-exports/abc/my-data.json?t=${t}`)).status).toBe(403);
    // Outside the private folders a file is also served by its plain path, as from a public-read bucket.
    await uploadBuffer({ cloudPath: 'qr/open.png', content: Buffer.from('png') });
    expect((await fetch(`${baseUrl}/storage/qr/open.png`)).status).toBe(200);
  });
});

describe('deleting', () => {
  it('deletes a file once; after that it is missing everywhere', async () => {
    const fileID = await uploadBuffer({ cloudPath: 'tmp/x.bin', content: Buffer.from([1, 2, 3]) });

    await expect(deleteFiles([fileID])).resolves.toEqual([{ fileID, deleted: true }]);
    await expect(deleteFiles([fileID])).resolves.toEqual([{ fileID, deleted: false }]);
    await expect(getDownloadUrls([fileID])).rejects.toEqual(new StorageFileError(fileID, 'STORAGE_FILE_NONEXIST'));
    await expect(downloadBuffer(fileID)).rejects.toMatchObject({ code: 'STORAGE_FILE_NONEXIST' });
    expect(existsSync(path.join(dataDir, 'storage', 'tmp', 'x.bin'))).toBe(false);
  });
});

describe('refusals', () => {
  it('refuses paths outside the bucket, before or at the runtime', async () => {
    await expect(uploadBuffer({ cloudPath: '/etc/passwd', content: Buffer.from('x') })).rejects.toThrow(RangeError);
    const app = tcb.init({ env: 'local-test', serviceUrl: `${baseUrl}/admin`, secretId: 'x', secretKey: 'y' });
    await expect(app.uploadFile({ cloudPath: 'a/../../escape.txt', fileContent: Buffer.from('x') })).rejects.toMatchObject({ code: 'INVALID_PARAM' });
    expect(existsSync(path.join(dataDir, 'escape.txt'))).toBe(false);
  });

  it('refuses a PUT that getUploadMetadata did not prepare, like COS does', async () => {
    const response = await fetch(`${baseUrl}/storage/sneaky.txt`, { method: 'PUT', body: 'x', headers: { authorization: 'forged' } });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
    expect(await storage.read('sneaky.txt')).toBeNull();
  });

  it('turns an upload over the size limit into the SDK error COS would cause', async () => {
    useStorage(1024);
    await expect(uploadBuffer({ cloudPath: 'big.bin', content: randomBytes(4096) })).rejects.toMatchObject({
      code: 'STORAGE_REQUEST_FAIL',
      message: expect.stringContaining('EntityTooLarge'),
    });
    expect(await storage.read('big.bin')).toBeNull();
  });

  it('answers 404 for a file that is not there', async () => {
    expect((await fetch(`${baseUrl}/storage/nothing/here.png`)).status).toBe(404);
  });
});
