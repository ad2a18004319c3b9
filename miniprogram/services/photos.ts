/**
 * Where opinion photos go: cloud storage under `opinion-photos/<yyyymmdd>/<random>.jpg`; the
 * opinion then carries their fileIDs. Follows the back end in use:
 *
 * - cloud: `wx.cloud.uploadFile`, with WeChat's progress.
 * - local: ask the local runtime for an upload grant at `<localBaseUrl>/client-upload` (CloudBase's
 *   `storage.getUploadMetadata`, limited to the folders a mini-program user may write), then PUT the
 *   bytes to the URL it hands out with the authorization it issued, as the CloudBase SDK does.
 */
import { OPINION_PHOTO_FOLDER } from '../shared/domain/opinion';
import { shanghaiDate } from '../shared/domain/time';
import { randomId } from '../utils/random';
import { ApiError, backendInUse } from './api';
import { appClock } from './clock';
import { cloudUploadFile, postJson, putBytes, readFileBytes, WxCallError } from './wx';

export function opinionPhotoPath(now: Date, random: string): string {
  return `${OPINION_PHOTO_FOLDER}${shanghaiDate(now).replace(/-/g, '')}/${random}.jpg`;
}

/** Uploads a photo picked on the phone; resolves with its fileID, rejects with an ApiError. */
export async function uploadOpinionPhoto(filePath: string, onProgress: (percent: number) => void): Promise<string> {
  const cloudPath = opinionPhotoPath(appClock.now(), randomId());
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
