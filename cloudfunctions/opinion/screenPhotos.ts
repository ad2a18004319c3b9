import type { PhotoCheck } from '../../miniprogram/shared/domain/moderation';
import { fail } from '../core/errors';
import { CONTENT_SCENE, submitImageCheck } from '../core/openapi';
import { getDownloadUrls, StorageFileError } from '../core/storage';

/** Temporary URLs of the photos the resident attached, or null when one is not in storage. */
export async function attachedPhotoUrls(fileIDs: readonly string[]): Promise<Array<{ fileID: string; url: string }> | null> {
  if (fileIDs.length === 0) return [];
  try {
    return await getDownloadUrls(fileIDs);
  } catch (error) {
    if (error instanceof StorageFileError) return null;
    throw error;
  }
}

/**
 * Sends every photo to WeChat's asynchronous image check (security.mediaCheckAsync) and answers
 * the pending checks, keyed by trace id: the verdicts arrive later as `wxa_media_check` pushes to
 * the moderation function. A photo that cannot be sent for checking is not stored unchecked.
 */
export async function submitPhotoChecks(photos: ReadonlyArray<{ fileID: string; url: string }>, openid: string): Promise<PhotoCheck[]> {
  try {
    return await Promise.all(
      photos.map(async ({ fileID, url }) => {
        const { traceId } = await submitImageCheck({ mediaUrl: url, openid, scene: CONTENT_SCENE.forum });
        return { fileID, traceId, verdict: 'pending' as const };
      }),
    );
  } catch (error) {
    console.error('[opinion] image check failed', error);
    return fail('OPINION.CHECK_UNAVAILABLE');
  }
}
