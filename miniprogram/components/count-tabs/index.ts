/**
 * The tabs of a list, each its name above how many it holds (待处理 over 3), in equal columns: four
 * or fewer stand in one row at every text size, more stand three to a row. `tabs` are
 * utils/tabs.ts TabViews; emits `change` with the chosen tab's value (not when it is already chosen).
 */
Component({
  options: { styleIsolation: 'apply-shared' },
  properties: {
    tabs: { type: Array, value: [] },
    current: { type: String, value: '' },
    label: { type: String, value: '' },
  },
  methods: {
    onTap(event: WechatMiniprogram.CustomEvent<WechatMiniprogram.IAnyObject, WechatMiniprogram.IAnyObject, { value: string }>) {
      const { value } = event.currentTarget.dataset;
      if (value !== this.data.current) this.triggerEvent('change', { value });
    },
  },
});
