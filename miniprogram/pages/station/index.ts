import { fontScaleBehavior } from '../../behaviors/font-scale';
import type { TapEvent } from '../../utils/events';
import { makePhoneCall, navigateTo, openLocation, showToast } from '../../services/wx';
import { bookingDaysUrl, deputyUrl, opinionNewUrl } from '../../routes';
import { initialStationState, loadStation, type StationState } from './model';

Component({
  behaviors: [fontScaleBehavior],
  data: { ...initialStationState(), stationId: '' },
  methods: {
    onLoad(query: { stationId?: string }) {
      this.setData({ stationId: query.stationId ?? '' });
      return this.load();
    },
    onRetry() {
      return this.load();
    },
    async load() {
      this.setData(initialStationState());
      const state: StationState = await loadStation(this.data.stationId);
      this.setData(state);
    },
    onOpenMap() {
      const { view } = this.data;
      if (!view) return undefined;
      return openLocation({ ...view.location, name: view.name, address: view.address }).catch((error: unknown) => {
        console.warn('[station] openLocation failed', error);
        showToast('暂时无法打开地图，请按地址前往');
      });
    },
    onCall() {
      const { view } = this.data;
      if (!view) return undefined;
      return makePhoneCall(view.phone).catch((error: unknown) => {
        console.warn('[station] makePhoneCall failed', error);
        showToast(`请拨打 ${view.phone}`);
      });
    },
    onOpenDeputy(event: TapEvent<{ deputyId: string }>) {
      return navigateTo(deputyUrl(event.currentTarget.dataset.deputyId));
    },
    onBook() {
      return navigateTo(bookingDaysUrl(this.data.stationId));
    },
    onLeaveOpinion() {
      const { view, stationId } = this.data;
      if (!view) return undefined;
      return navigateTo(opinionNewUrl({ kind: 'station', id: stationId, name: view.name }));
    },
  },
});
