import type { LoadStatus } from '../../utils/load-state';

/**
 * What a page shows while it is not ready: a skeleton while loading, the Chinese error
 * message with 重试, or a plain note when there is nothing to show. Emits `retry`.
 */
Component({
  options: { styleIsolation: 'apply-shared' },
  properties: {
    status: { type: String, value: 'loading' as LoadStatus },
    errorMessage: { type: String, value: '' },
    emptyText: { type: String, value: '暂无内容' },
  },
  data: {
    skeletonRows: [{ width: '60%', height: '56rpx' }, { width: '100%' }, { width: '100%' }, { width: '80%' }],
  },
  methods: {
    onRetry() {
      this.triggerEvent('retry');
    },
  },
});
