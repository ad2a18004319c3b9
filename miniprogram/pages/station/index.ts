import { definePage, showQueried } from '../../factory/define-page';
import type { TapEvent } from '../../utils/events';
import { navigateTo } from '../../services/wx';
import { callOrShowNumber, openMapOr } from '../../utils/device-actions';
import { bookingDaysUrl, deputyUrl, figuresUrl, opinionNewUrl, projectRoundsUrl } from '../../routes';
import { initialStationState, loadStation } from './model';

definePage({
  name: 'station',
  ...showQueried('stationId', initialStationState, loadStation),
  events: {
    onOpenMap: (_model, _event, page) => {
      const { view } = page.data();
      if (!view) return undefined;
      return openMapOr('station', { ...view.location, name: view.name, address: view.address }, '暂时无法打开地图，请按地址前往');
    },
    onCall: (_model, _event, page) => {
      const { view } = page.data();
      if (!view) return undefined;
      return callOrShowNumber('station', view.phone);
    },
    onOpenDeputy: (_model, event: TapEvent<{ deputyId: string }>) => navigateTo(deputyUrl(event.currentTarget.dataset.deputyId)),
    onBook: ({ stationId }) => navigateTo(bookingDaysUrl(stationId)),
    onOpenFigures: ({ stationId }) => navigateTo(figuresUrl({ stationId })),
    onOpenRounds: ({ stationId }) => navigateTo(projectRoundsUrl({ stationId })),
    onLeaveOpinion: ({ stationId }, _event, page) => {
      const { view } = page.data();
      if (!view) return undefined;
      return navigateTo(opinionNewUrl({ kind: 'station', id: stationId, name: view.name }));
    },
  },
});
