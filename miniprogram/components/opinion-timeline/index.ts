import type { TimelineItem } from '../../views/opinion';

/** What happened to an opinion, newest first, the latest marked; a reply's words in full. */
Component({
  options: { styleIsolation: 'apply-shared' },
  properties: {
    items: { type: Array, value: [] as TimelineItem[] },
  },
});
