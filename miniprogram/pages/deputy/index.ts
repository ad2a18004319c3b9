import { fontScaleBehavior } from '../../behaviors/font-scale';
import type { TapEvent } from '../../utils/events';
import { navigateTo } from '../../services/wx';
import { bookingDaysUrl, opinionNewUrl, stationUrl } from '../../routes';
import { initialDeputyState, loadDeputy, type DeputyState } from './model';

Component({
  behaviors: [fontScaleBehavior],
  data: { ...initialDeputyState(), deputyId: '' },
  methods: {
    onLoad(query: { deputyId?: string }) {
      this.setData({ deputyId: query.deputyId ?? '' });
      return this.load();
    },
    onRetry() {
      return this.load();
    },
    async load() {
      this.setData(initialDeputyState());
      const state: DeputyState = await loadDeputy(this.data.deputyId);
      this.setData(state);
    },
    onOpenStation(event: TapEvent<{ stationId: string }>) {
      return navigateTo(stationUrl(event.currentTarget.dataset.stationId));
    },
    onBook() {
      const { view, deputyId } = this.data;
      if (!view?.bookingStationId) return undefined;
      return navigateTo(bookingDaysUrl(view.bookingStationId, deputyId));
    },
    onLeaveOpinion() {
      const { view, deputyId } = this.data;
      if (!view) return undefined;
      return navigateTo(opinionNewUrl({ kind: 'deputy', id: deputyId, name: view.name }));
    },
  },
});
