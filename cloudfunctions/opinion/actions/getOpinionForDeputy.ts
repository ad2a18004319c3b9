import { isRefusal, planRead } from '../../../miniprogram/shared/domain/casework';
import { visiblePhotos } from '../../../miniprogram/shared/domain/moderation';
import { writeCaseChange } from '../../core/caseChanges';
import type { Handler } from '../../core/handler';
import { loadDeputyCaller } from '../deputyCaller';
import { deputyView } from '../deputyView';
import { findAddressed } from '../findAddressed';
import type { OpinionDocument } from '../../../infra/documents/opinions';
import { photoViews } from '../../core/photos';

/**
 * A deputy opens an opinion. The first time any deputy opens it, it becomes 代表已阅 and the
 * resident's timeline says so; the conditional update makes "first" exact when two deputies of
 * a station open it together. Two database requests, three the first time.
 */
export const getOpinionForDeputy: Handler<'opinion.getForDeputy'> = async ({ opinionId }, ctx) => {
  const deputy = await loadDeputyCaller(ctx);
  const { db, now } = ctx;
  let opinion: OpinionDocument = await findAddressed(ctx, deputy, opinionId);
  const read = planRead(opinion, ctx, { role: 'deputy', id: deputy.deputyId, name: deputy.name });
  if (!isRefusal(read) && (await writeCaseChange(db, opinionId, read, now))) {
    opinion = { ...opinion, ...read.set, timeline: [...opinion.timeline, ...read.events] };
  }
  return deputyView(opinion, deputy, now, await photoViews(visiblePhotos(opinion.photos, opinion.moderation)));
};
