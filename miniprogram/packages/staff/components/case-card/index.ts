import type { CaseItemView } from '../../case-views';

/** One case in a staff or handler list: what it is, where it stands, and its deadline (red when past). */
Component({
  options: { styleIsolation: 'apply-shared' },
  properties: {
    item: { type: Object, value: {} as CaseItemView },
  },
});
