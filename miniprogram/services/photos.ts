/**
 * Where photos go: cloud storage under `opinion-photos/<yyyymmdd>/<random>.jpg` (an opinion's) or
 * `duty-photos/<yyyymmdd>/<random>.jpg` (a deputy's activity's); the record then carries their
 * fileIDs. Follows the back end in use:
 *
 * - cloud: `wx.cloud.uploadFile`, with WeChat's progress.
 * - local: ask the local runtime for an upload grant at `<localBaseUrl>/client-upload` (CloudBase's
 *   `storage.getUploadMetadata`, limited to the folders a mini-program user may write), then PUT the
 *   bytes to the URL it hands out with the authorization it issued, as the CloudBase SDK does.
 */
import { DUTY_PHOTO_FOLDER } from '../shared/domain/duty';
import { OPINION_PHOTO_FOLDER } from '../shared/domain/opinion';
import { shanghaiDate } from '../shared/domain/time';
import { randomId } from '../utils/random';
import { ApiError, backendInUse } from './api';
import { appClock } from './clock';
import { chooseImages, cloudUploadFile, postJson, putBytes, readFileBytes, WxCallError, type LocalImage } from './wx';

function photoPath(folder: string, now: Date, random: string): string {
  return `${folder}${shanghaiDate(now).replace(/-/g, '')}/${random}.jpg`;
}

export function opinionPhotoPath(now: Date, random: string): string {
  return photoPath(OPINION_PHOTO_FOLDER, now, random);
}

/**
 * Photos picked to add to a list with `room` places left: none (null) when it is full or when
 * choosing failed, which `failed` is told; a choice backed out of is an empty list.
 */
export async function choosePhotos(room: number, failed: (error: unknown) => void): Promise<LocalImage[] | null> {
  if (room <= 0) return null;
  try {
    return await chooseImages(room);
  } catch (error) {
    failed(error);
    return null;
  }
}

/** Uploads a photo picked on the phone for an opinion; resolves with its fileID, rejects with an ApiError. */
export function uploadOpinionPhoto(filePath: string, onProgress: (percent: number) => void): Promise<string> {
  return uploadPhoto(opinionPhotoPath(appClock.now(), randomId()), filePath, onProgress);
}

/** Uploads a photo of a deputy's activity (视察, 调研…) under duty-photos/. */
export function uploadDutyPhoto(filePath: string, onProgress: (percent: number) => void): Promise<string> {
  return uploadPhoto(photoPath(DUTY_PHOTO_FOLDER, appClock.now(), randomId()), filePath, onProgress);
}

async function uploadPhoto(cloudPath: string, filePath: string, onProgress: (percent: number) => void): Promise<string> {
  const { backend, config } = backendInUse();
  try {
    if (backend === 'cloud') return await cloudUploadFile(cloudPath, filePath, onProgress);
    return await uploadToLocalRuntime(config.localBaseUrl, cloudPath, filePath, config.timeoutMs, onProgress);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    if (error instanceof WxCallError && error.kind === 'network') throw new ApiError('COMMON.NETWORK');
    console.error('[photos] upload failed', error);
    throw new ApiError('COMMON.INTERNAL', '照片上传失败，请重试或删除这张照片');
  }
}

interface UploadGrant {
  url: string;
  authorization: string;
  token?: string;
  fileId: string;
}

async function uploadToLocalRuntime(baseUrl: string, cloudPath: string, filePath: string, timeoutMs: number, onProgress: (percent: number) => void): Promise<string> {
  const answer = (await postJson(`${baseUrl}/client-upload`, { path: cloudPath }, {}, timeoutMs)) as {
    data?: Partial<UploadGrant>;
    code?: string;
    message?: string;
  } | null;
  const grant = answer?.data;
  if (!grant?.url || !grant.authorization || !grant.fileId) {
    throw new Error(`local storage gave no upload grant for ${cloudPath}: ${answer?.code ?? ''} ${answer?.message ?? ''}`);
  }
  onProgress(10);
  const bytes = await readFileBytes(filePath);
  const header: Record<string, string> = { authorization: grant.authorization };
  if (grant.token) header['x-cos-security-token'] = grant.token;
  const status = await putBytes(grant.url, bytes, header, timeoutMs);
  if (status < 200 || status >= 300) throw new Error(`local storage refused the upload of ${cloudPath}: HTTP ${status}`);
  onProgress(100);
  return grant.fileId;
}
