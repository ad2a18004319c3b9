import { fontScaleBehavior } from '../../behaviors/font-scale';
import type { TapEvent } from '../../utils/events';
import { navigateTo } from '../../services/wx';
import { deputyUrl, stationUrl } from '../../routes';
import { createStationsModel, initialStationsState, type StationsState } from './model';

const models = new WeakMap<object, ReturnType<typeof createStationsModel>>();

Component({
  behaviors: [fontScaleBehavior],
  data: initialStationsState(),
  methods: {
    onLoad() {
      const model = createStationsModel((change: Partial<StationsState>) => this.setData(change));
      models.set(this, model);
      return model.load();
    },
    onRetry() {
      return models.get(this)?.load();
    },
    onChooseArea(event: TapEvent<{ areaId: string }>) {
      return models.get(this)?.chooseArea(event.currentTarget.dataset.areaId);
    },
    onOpenStation(event: TapEvent<{ stationId: string }>) {
      return navigateTo(stationUrl(event.currentTarget.dataset.stationId));
    },
    onKeyword(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      models.get(this)?.setKeyword(event.detail.value);
    },
    onSearch() {
      return models.get(this)?.search(this.data.keyword);
    },
    onClearSearch() {
      models.get(this)?.clearSearch();
    },
    onOpenDeputy(event: TapEvent<{ deputyId: string }>) {
      return navigateTo(deputyUrl(event.currentTarget.dataset.deputyId));
    },
    onNearest() {
      return models.get(this)?.showNearest();
    },
  },
});
