import { fontScaleBehavior } from '../../behaviors/font-scale';
import type { TapEvent } from '../../utils/events';
import type { Rating } from '../../shared/domain/casework';
import { previewImages } from '../../services/wx';
import { createRating, initialMyOpinionState, initialRatingState, loadMyOpinion, type MyOpinionState, type RatingState } from './model';

const ratings = new WeakMap<object, ReturnType<typeof createRating>>();

Component({
  behaviors: [fontScaleBehavior],
  data: { ...initialMyOpinionState(), ...initialRatingState(), opinionId: '' },
  methods: {
    onLoad(query: { opinionId?: string }) {
      const opinionId = query.opinionId ?? '';
      this.setData({ opinionId });
      ratings.set(
        this,
        createRating(
          opinionId,
          (change: Partial<RatingState>) => this.setData(change),
          () => this.load(),
        ),
      );
      return this.load();
    },
    onRating(event: TapEvent<{ rating: Rating }>) {
      ratings.get(this)?.choose(event.currentTarget.dataset.rating);
    },
    onRatingComment(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      ratings.get(this)?.setComment(event.detail.value);
    },
    onSubmitRating() {
      return ratings.get(this)?.submit();
    },
    onRetry() {
      return this.load();
    },
    async load() {
      this.setData(initialMyOpinionState());
      const state: MyOpinionState = await loadMyOpinion(this.data.opinionId);
      this.setData(state);
    },
    onPreviewPhoto(event: TapEvent<{ url: string }>) {
      const photos = this.data.view?.photos ?? [];
      previewImages(
        photos.map((photo) => photo.url),
        event.currentTarget.dataset.url,
      );
    },
  },
});
