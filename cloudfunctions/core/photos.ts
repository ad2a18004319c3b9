import type { OpinionPhoto } from '../../miniprogram/shared/contract/opinion';
import { getDownloadUrls, StorageFileError } from './storage';

/**
 * Temporary URLs for an opinion's photos. A photo gone from storage is shown without a URL
 * rather than failing the whole page.
 */
export async function photoViews(fileIDs: readonly string[]): Promise<OpinionPhoto[]> {
  if (fileIDs.length === 0) return [];
  try {
    return await getDownloadUrls(fileIDs);
  } catch (error) {
    if (!(error instanceof StorageFileError)) throw error;
    console.warn(`[opinion] photo missing from storage: ${error.fileID}`);
    return fileIDs.map((fileID) => ({ fileID, url: '' }));
  }
}
