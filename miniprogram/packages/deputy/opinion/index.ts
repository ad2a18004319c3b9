import { definePage } from '../../../factory/define-page';
import type { TapEvent } from '../../../utils/events';
import { makePhoneCall, openLocation, previewImages, showToast } from '../../../services/wx';
import { createDeputyOpinion, initialDeputyOpinionState } from './model';

type InputEvent = WechatMiniprogram.CustomEvent<{ value: string }>;

definePage({
  name: 'deputy-opinion',
  data: initialDeputyOpinionState,
  model: (page) => createDeputyOpinion(page.query.opinionId ?? '', page.render),
  load: (opinion) => opinion.load(),
  events: {
    onPhrase: (opinion, event: TapEvent<{ phrase: string }>) => opinion.usePhrase(event.currentTarget.dataset.phrase),
    onReply: (opinion, event: InputEvent) => opinion.setReply(event.detail.value),
    onSendReply: (opinion) => opinion.sendReply(),
    onOpenForward: (opinion) => opinion.toggleForward(true),
    onCancelForward: (opinion) => opinion.toggleForward(false),
    onForwardNote: (opinion, event: InputEvent) => opinion.setForwardNote(event.detail.value),
    onSendForward: (opinion) => opinion.sendForward(),
    onPreviewPhoto: (_opinion, event: TapEvent<{ url: string }>, page) => {
      const photos = page.data().view?.photos ?? [];
      previewImages(
        photos.map((photo) => photo.url),
        event.currentTarget.dataset.url,
      );
    },
    onOpenMap: (_opinion, _event, page) => {
      const location = page.data().view?.location;
      if (!location) return undefined;
      return openLocation({ latitude: location.latitude, longitude: location.longitude, name: '居民所指地点', address: location.address }).catch((error: unknown) => {
        console.warn('[deputy-opinion] openLocation failed', error);
        showToast('暂时无法打开地图');
      });
    },
    onCall: (_opinion, _event, page) => {
      const contact = page.data().view?.contact;
      if (!contact?.canCall) return undefined;
      return makePhoneCall(contact.phone).catch((error: unknown) => {
        console.warn('[deputy-opinion] makePhoneCall failed', error);
        showToast(`请拨打 ${contact.phone}`);
      });
    },
  },
});
