import { DEFAULT_PREFERENCES, type FontScale } from '../shared/domain/account';
import { currentFontScale, onFontScaleChange } from '../stores/font-scale';

const unsubscribers = new WeakMap<object, () => void>();

/**
 * Gives a page `fontScale` for its root class (`fs-standard` / `fs-large` / `fs-extraLarge`
 * in app.wxss) and keeps it current when the resident changes it on any page.
 */
export const fontScaleBehavior = Behavior({
  data: { fontScale: DEFAULT_PREFERENCES.fontScale as FontScale },
  lifetimes: {
    attached() {
      this.setData({ fontScale: currentFontScale() });
      unsubscribers.set(
        this,
        onFontScaleChange((fontScale) => this.setData({ fontScale })),
      );
    },
    detached() {
      unsubscribers.get(this)?.();
      unsubscribers.delete(this);
    },
  },
});
