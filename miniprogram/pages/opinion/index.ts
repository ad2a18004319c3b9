import { fontScaleBehavior } from '../../behaviors/font-scale';
import type { TapEvent } from '../../utils/events';
import { previewImages } from '../../services/wx';
import { initialMyOpinionState, loadMyOpinion, type MyOpinionState } from './model';

Component({
  behaviors: [fontScaleBehavior],
  data: { ...initialMyOpinionState(), opinionId: '' },
  methods: {
    onLoad(query: { opinionId?: string }) {
      this.setData({ opinionId: query.opinionId ?? '' });
      return this.load();
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
      previewImages(photos.map((photo) => photo.url), event.currentTarget.dataset.url);
    },
  },
});
