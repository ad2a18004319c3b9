import { definePage, showQueried } from '../../factory/define-page';
import type { TapEvent } from '../../utils/events';
import { navigateTo } from '../../services/wx';
import { bookingDaysUrl, opinionNewUrl, stationUrl } from '../../routes';
import { initialDeputyState, loadDeputy } from './model';

definePage({
  name: 'deputy',
  ...showQueried('deputyId', initialDeputyState, loadDeputy),
  events: {
    onOpenStation: (_model, event: TapEvent<{ stationId: string }>) => navigateTo(stationUrl(event.currentTarget.dataset.stationId)),
    onBook: ({ deputyId }, _event, page) => {
      const { view } = page.data();
      if (!view?.bookingStationId) return undefined;
      return navigateTo(bookingDaysUrl(view.bookingStationId, deputyId));
    },
    onLeaveOpinion: ({ deputyId }, _event, page) => {
      const { view } = page.data();
      if (!view) return undefined;
      return navigateTo(opinionNewUrl({ kind: 'deputy', id: deputyId, name: view.name }));
    },
  },
});
