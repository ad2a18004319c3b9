/**
 * The foot of a list shown a page at a time: 加载更多 while there is more, what went wrong
 * with 重试, or a plain 没有更多了. Emits `more`.
 */
Component({
  options: { styleIsolation: 'apply-shared' },
  properties: {
    hasMore: { type: Boolean, value: false },
    loadingMore: { type: Boolean, value: false },
    moreError: { type: String, value: '' },
  },
  methods: {
    onMore() {
      this.triggerEvent('more');
    },
  },
});
