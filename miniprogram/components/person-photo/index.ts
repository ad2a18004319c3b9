/**
 * A deputy's photo, or the first character of their name while there is none (or it fails
 * to load on a weak network), so the list never shows a broken image.
 */
Component({
  options: { styleIsolation: 'apply-shared' },
  properties: {
    photoUrl: { type: String, value: '' },
    name: { type: String, value: '' },
    size: { type: String, value: 'medium' },
  },
  data: { initial: '', failed: false },
  observers: {
    name(name: string) {
      this.setData({ initial: name.slice(0, 1) });
    },
    photoUrl() {
      this.setData({ failed: false });
    },
  },
  methods: {
    onError() {
      this.setData({ failed: true });
    },
  },
});
