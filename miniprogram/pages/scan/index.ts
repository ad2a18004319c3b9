import { fontScaleBehavior } from '../../behaviors/font-scale';
import { redirectTo } from '../../services/wx';
import { PAGES, STATIONS_URL } from '../../routes';
import { resolveLanding } from './model';

/**
 * Where a scanned QR code opens the app: it finds the deputy or station the code names and
 * replaces itself with that page, so 返回 never comes back here. A code that names nothing
 * gets plain words and a way to the station list, never a blank screen.
 */
Component({
  behaviors: [fontScaleBehavior],
  data: { status: 'loading', errorMessage: '', scene: '' },
  methods: {
    onLoad(query: { scene?: string }) {
      this.setData({ scene: query.scene ?? '' });
      return this.resolve();
    },
    onRetry() {
      return this.resolve();
    },
    async resolve() {
      this.setData({ status: 'loading', errorMessage: '' });
      const landing = await resolveLanding(this.data.scene);
      if (landing.kind === 'open') {
        this.setData({ status: 'ready' });
        await redirectTo(landing.url);
      } else if (landing.kind === 'unknown') {
        this.setData({ status: 'unknown' });
      } else {
        this.setData({ status: 'error', errorMessage: landing.message });
      }
    },
    onStations() {
      return redirectTo(STATIONS_URL);
    },
    onHome() {
      return redirectTo(`/${PAGES.home}`);
    },
  },
});
