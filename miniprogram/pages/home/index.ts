import { fontScaleBehavior } from '../../behaviors/font-scale';
import type { TapEvent } from '../../utils/events';
import type { FontScale } from '../../shared/domain/account';
import { navigateTo } from '../../services/wx';
import { STATIONS_URL } from '../../routes';
import { changeFontScale, FONT_SCALE_OPTIONS, scanAndOpen } from './model';

Component({
  behaviors: [fontScaleBehavior],
  data: {
    fontScaleOptions: FONT_SCALE_OPTIONS,
  },
  methods: {
    onFindStations() {
      return navigateTo(STATIONS_URL);
    },
    onScan() {
      return scanAndOpen();
    },
    onFontScale(event: TapEvent<{ scale: FontScale }>) {
      return changeFontScale(event.currentTarget.dataset.scale);
    },
  },
});
