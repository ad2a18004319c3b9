import { definePage } from '../../../factory/define-page';
import type { InputEvent, TapEvent } from '../../../utils/events';
import { callOrShowNumber, openMapOr, previewPhotos } from '../../../utils/device-actions';
import { createDeputyOpinion, initialDeputyOpinionState } from './model';

definePage({
  name: 'deputy-opinion',
  data: initialDeputyOpinionState,
  model: (page) => createDeputyOpinion(page.query.opinionId ?? '', page.render),
  events: {
    onPhrase: (opinion, event: TapEvent<{ phrase: string }>) => opinion.usePhrase(event.currentTarget.dataset.phrase),
    onReply: (opinion, event: InputEvent) => opinion.setReply(event.detail.value),
    onSendReply: (opinion) => opinion.sendReply(),
    onOpenForward: (opinion) => opinion.toggleForward(true),
    onCancelForward: (opinion) => opinion.toggleForward(false),
    onForwardNote: (opinion, event: InputEvent) => opinion.setForwardNote(event.detail.value),
    onSendForward: (opinion) => opinion.sendForward(),
    onPreviewPhoto: (_opinion, event: TapEvent<{ url: string }>, page) => previewPhotos(page.data().view?.photos ?? [], event.currentTarget.dataset.url),
    onOpenMap: (_opinion, _event, page) => {
      const location = page.data().view?.location;
      if (!location) return undefined;
      return openMapOr('deputy-opinion', { latitude: location.latitude, longitude: location.longitude, name: '居民所指地点', address: location.address }, '暂时无法打开地图');
    },
    onCall: (_opinion, _event, page) => {
      const contact = page.data().view?.contact;
      if (!contact?.canCall) return undefined;
      return callOrShowNumber('deputy-opinion', contact.phone);
    },
  },
});
