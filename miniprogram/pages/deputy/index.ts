import { definePage, showFetched } from '../../factory/define-page';
import type { TapEvent } from '../../utils/events';
import { navigateTo } from '../../services/wx';
import { bookingDaysUrl, opinionNewUrl, stationUrl } from '../../routes';
import { initialDeputyState, loadDeputy } from './model';

definePage({
  name: 'deputy',
  data: initialDeputyState,
  model: (page) => ({ deputyId: page.query.deputyId ?? '' }),
  load: showFetched(initialDeputyState, (page) => loadDeputy(page.query.deputyId ?? '')),
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
