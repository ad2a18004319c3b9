import { cloudApp } from './cloud';

/**
 * Cloud storage for the cloud functions, over node-sdk 3.18.3 (src/storage/index.ts). What it does on the wire:
 * - uploadFile: POST action `storage.getUploadMetadata` { path: cloudPath, method: "put" } → data
 *   { url, token, authorization, fileId, cosFileId }; then PUT of the bytes to `url` (COS) with headers
 *   authorization, Signature, x-cos-security-token, x-cos-meta-fileid, key; an empty body means success,
 *   a COS XML <Error> is thrown; answers { fileID: fileId }.
 * - getTempFileURL: POST `storage.batchGetDownloadUrl` { file_list: [{ fileid, max_age }] } → data.download_list
 *   [{ fileID, tempFileURL, code }] ("SUCCESS" or an error code, per file).
 * - downloadFile: the same, then GET of encodeURI(tempFileURL); status 200 gives the bytes.
 * - deleteFile: POST `storage.batchDeleteFile` { fileid_list } → data.delete_list [{ fileID, code }].
 * A truthy top-level `code` in any answer is thrown by the SDK.
 */

export class StorageFileError extends Error {
  constructor(
    readonly fileID: string,
    readonly code: string,
  ) {
    super(`storage: ${code} for ${fileID}`);
    this.name = 'StorageFileError';
  }
}

/** CloudBase answers at most this many files per URL or delete call. */
const BATCH = 50;
const FILE_MISSING = 'STORAGE_FILE_NONEXIST';

function batches<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

/** A path inside the bucket: "avatars/abc.png"; no leading "/", no empty, "." or ".." segments. */
export function assertCloudPath(cloudPath: string): void {
  const segments = cloudPath.split('/');
  if (cloudPath === '' || segments.some((s) => s === '' || s === '.' || s === '..') || /[\\\0-\x1f]/.test(cloudPath)) {
    throw new RangeError(`invalid cloud path: ${JSON.stringify(cloudPath)}`);
  }
}

/** Stores the bytes at cloudPath (replacing what was there) and answers the file's fileID. */
export async function uploadBuffer(request: { cloudPath: string; content: Buffer }): Promise<string> {
  assertCloudPath(request.cloudPath);
  const { fileID } = await cloudApp().uploadFile({ cloudPath: request.cloudPath, fileContent: request.content });
  return fileID;
}

/** Temporary HTTPS URLs for the files, in the order asked; a missing file is a StorageFileError. */
export async function getDownloadUrls(fileIDs: readonly string[], maxAgeSeconds = 3600): Promise<Array<{ fileID: string; url: string }>> {
  const urls: Array<{ fileID: string; url: string }> = [];
  for (const batch of batches(fileIDs)) {
    const { fileList } = await cloudApp().getTempFileURL({ fileList: batch.map((fileID) => ({ fileID, maxAge: maxAgeSeconds })) });
    for (const item of fileList) {
      if (item.code !== 'SUCCESS') throw new StorageFileError(item.fileID, item.code);
      urls.push({ fileID: item.fileID, url: item.tempFileURL });
    }
  }
  return urls;
}

/** The file's bytes. */
export async function downloadBuffer(fileID: string): Promise<Buffer> {
  const { fileContent } = await cloudApp().downloadFile({ fileID });
  if (!Buffer.isBuffer(fileContent)) throw new StorageFileError(fileID, 'NO_CONTENT');
  return fileContent;
}

/** Deletes the files; one already gone is reported as not deleted, any other failure is thrown. */
export async function deleteFiles(fileIDs: readonly string[]): Promise<Array<{ fileID: string; deleted: boolean }>> {
  const results: Array<{ fileID: string; deleted: boolean }> = [];
  for (const batch of batches(fileIDs)) {
    const { fileList } = await cloudApp().deleteFile({ fileList: [...batch] });
    for (const item of fileList) {
      if (item.code !== 'SUCCESS' && item.code !== FILE_MISSING) throw new StorageFileError(item.fileID, item.code);
      results.push({ fileID: item.fileID, deleted: item.code === 'SUCCESS' });
    }
  }
  return results;
}
