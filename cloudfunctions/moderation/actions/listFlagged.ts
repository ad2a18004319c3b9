import { COLLECTIONS } from '../../../infra/database';
import type { FlaggedItem } from '../../../miniprogram/shared/contract/privacy';
import { flaggedPhotos, MODERATION_STATE_LABELS } from '../../../miniprogram/shared/domain/moderation';
import type { Handler } from '../../core/handler';
import type { OpinionDocument } from '../../../infra/documents/opinions';
import { photoViews } from '../../core/photos';
import { loadReviewer, reviewScope } from '../access';
import { readPage, type PageOrder } from '../../core/paging';

const PAGE_SIZE = 20;

async function flaggedItem(opinion: OpinionDocument): Promise<FlaggedItem> {
  const moderation = opinion.moderation;
  const flagged = flaggedPhotos(moderation);
  const urls = await photoViews(flagged.map((photo) => photo.fileID));
  const state = moderation.state ?? 'published';
  const item: FlaggedItem = {
    opinionId: opinion._id,
    trackingNo: opinion.trackingNo,
    stationName: opinion.stationName,
    createdAt: new Date(opinion.createdAt).toISOString(),
    state,
    stateLabel: MODERATION_STATE_LABELS[state],
    text: opinion.text,
    textFlagged: state === 'held',
    photos: flagged.map((photo, i) => ({
      fileID: photo.fileID,
      url: urls[i]?.url ?? '',
      verdict: photo.verdict as 'review' | 'risky',
      ...(photo.label !== undefined ? { label: photo.label } : {}),
    })),
    pendingPhotos: (moderation.photos ?? []).filter((photo) => photo.verdict === 'pending').length,
  };
  if (state === 'held' && moderation.label !== undefined) item.textLabel = moderation.label;
  return item;
}

/**
 * The content review queue (内容审核): opinions in the reviewer's area whose text WeChat asked a
 * human to look at, or with a photo WeChat flagged; oldest first. Two database requests.
 */
export const listFlagged: Handler<'moderation.listFlagged'> = async ({ cursor, pageSize = PAGE_SIZE }, ctx) => {
  const reviewer = await loadReviewer(ctx);
  const { db } = ctx;
  const order: PageOrder = { field: 'createdAt', direction: 'asc' };
  const where = [{ 'moderation.awaitingReview': true, ...reviewScope(reviewer.scope) }];
  const { items, nextCursor } = await readPage<OpinionDocument>(db, { collection: COLLECTIONS.opinions, where, order, cursor, pageSize });
  return { items: await Promise.all(items.map(flaggedItem)), nextCursor };
};
