import { definePage, showFetched } from '../../factory/define-page';
import type { TapEvent } from '../../utils/events';
import type { Rating } from '../../shared/domain/casework';
import { previewImages } from '../../services/wx';
import { createRating, initialMyOpinionState, initialRatingState, loadMyOpinion, type MyOpinionState, type RatingState } from './model';

const showOpinion = showFetched<MyOpinionState & RatingState>(initialMyOpinionState, (page) => loadMyOpinion(page.query.opinionId));

definePage({
  name: 'opinion',
  data: () => ({ ...initialMyOpinionState(), ...initialRatingState() }),
  model: (page) => {
    const opinionId = page.query.opinionId ?? '';
    // After rating, the opinion shows again with the rating in its timeline.
    return { opinionId, rating: createRating(opinionId, page.render, () => showOpinion(null, page)) };
  },
  load: showOpinion,
  events: {
    onRating: ({ rating }, event: TapEvent<{ rating: Rating }>) => rating.choose(event.currentTarget.dataset.rating),
    onRatingComment: ({ rating }, event: WechatMiniprogram.CustomEvent<{ value: string }>) => rating.setComment(event.detail.value),
    onSubmitRating: ({ rating }) => rating.submit(),
    onPreviewPhoto: (_model, event: TapEvent<{ url: string }>, page) => {
      const photos = page.data().view?.photos ?? [];
      previewImages(
        photos.map((photo) => photo.url),
        event.currentTarget.dataset.url,
      );
    },
  },
});
