import { fontScaleBehavior } from '../../../behaviors/font-scale';
import type { TapEvent } from '../../../utils/events';
import { makePhoneCall, openLocation, previewImages, showToast } from '../../../services/wx';
import { createDeputyOpinion, initialDeputyOpinionState, type DeputyOpinionState } from './model';

type InputEvent = WechatMiniprogram.CustomEvent<{ value: string }>;

const opinions = new WeakMap<object, ReturnType<typeof createDeputyOpinion>>();

Component({
  behaviors: [fontScaleBehavior],
  data: initialDeputyOpinionState(),
  methods: {
    onLoad(query: { opinionId?: string }) {
      const opinion = createDeputyOpinion(query.opinionId ?? '', (change: Partial<DeputyOpinionState>) => this.setData(change));
      opinions.set(this, opinion);
      return opinion.load();
    },
    onRetry() {
      return opinions.get(this)?.load();
    },
    onPhrase(event: TapEvent<{ phrase: string }>) {
      opinions.get(this)?.usePhrase(event.currentTarget.dataset.phrase);
    },
    onReply(event: InputEvent) {
      opinions.get(this)?.setReply(event.detail.value);
    },
    onSendReply() {
      return opinions.get(this)?.sendReply();
    },
    onOpenForward() {
      opinions.get(this)?.toggleForward(true);
    },
    onCancelForward() {
      opinions.get(this)?.toggleForward(false);
    },
    onForwardNote(event: InputEvent) {
      opinions.get(this)?.setForwardNote(event.detail.value);
    },
    onSendForward() {
      return opinions.get(this)?.sendForward();
    },
    onPreviewPhoto(event: TapEvent<{ url: string }>) {
      const photos = this.data.view?.photos ?? [];
      previewImages(
        photos.map((photo) => photo.url),
        event.currentTarget.dataset.url,
      );
    },
    onOpenMap() {
      const location = this.data.view?.location;
      if (!location) return undefined;
      return openLocation({ latitude: location.latitude, longitude: location.longitude, name: '居民所指地点', address: location.address }).catch((error: unknown) => {
        console.warn('[deputy-opinion] openLocation failed', error);
        showToast('暂时无法打开地图');
      });
    },
    onCall() {
      const contact = this.data.view?.contact;
      if (!contact?.canCall) return undefined;
      return makePhoneCall(contact.phone).catch((error: unknown) => {
        console.warn('[deputy-opinion] makePhoneCall failed', error);
        showToast(`请拨打 ${contact.phone}`);
      });
    },
  },
});
