import { definePage } from '../../factory/define-page';
import { redirectTo } from '../../services/wx';
import { PAGES, STATIONS_URL } from '../../routes';
import { resolveLanding } from './model';

/**
 * Where a scanned QR code opens the app: it finds the deputy or station the code names and
 * replaces itself with that page, so 返回 never comes back here. A code that names nothing
 * gets plain words and a way to the station list, never a blank screen.
 */
definePage({
  name: 'scan',
  data: () => ({ status: 'loading', errorMessage: '' }),
  load: async (_model, page) => {
    page.render({ status: 'loading', errorMessage: '' });
    const landing = await resolveLanding(page.query.scene ?? '');
    if (landing.kind === 'open') {
      page.render({ status: 'ready' });
      await redirectTo(landing.url);
    } else if (landing.kind === 'unknown') {
      page.render({ status: 'unknown' });
    } else {
      page.render({ status: 'error', errorMessage: landing.message });
    }
  },
  events: {
    onStations: () => redirectTo(STATIONS_URL),
    onHome: () => redirectTo(`/${PAGES.home}`),
  },
});
