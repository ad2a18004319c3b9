import { definePage } from '../../factory/define-page';
import type { TapEvent } from '../../utils/events';
import { navigateTo } from '../../services/wx';
import { deputyUrl, figuresUrl, stationUrl } from '../../routes';
import { createStationsModel, initialStationsState } from './model';

definePage({
  name: 'stations',
  privacy: 'onDemand',
  data: initialStationsState,
  model: (page) => createStationsModel(page.render),
  events: {
    onChooseArea: (stations, event: TapEvent<{ areaId: string }>) => stations.chooseArea(event.currentTarget.dataset.areaId),
    onOpenStation: (_stations, event: TapEvent<{ stationId: string }>) => navigateTo(stationUrl(event.currentTarget.dataset.stationId)),
    onKeyword: (stations, event: WechatMiniprogram.CustomEvent<{ value: string }>) => stations.setKeyword(event.detail.value),
    onSearch: (stations, _event, page) => stations.search(page.data().keyword),
    onClearSearch: (stations) => stations.clearSearch(),
    onOpenDeputy: (_stations, event: TapEvent<{ deputyId: string }>) => navigateTo(deputyUrl(event.currentTarget.dataset.deputyId)),
    onNearest: (stations) => stations.showNearest(),
    onOpenAreaFigures: (_stations, _event, page) => {
      const { areaId } = page.data();
      return areaId ? navigateTo(figuresUrl({ areaId })) : undefined;
    },
  },
});
