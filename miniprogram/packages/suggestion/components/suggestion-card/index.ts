import type { SuggestionItemView } from '../../views';

/** One 代表建议 in a list: its title and number, where it stands, who is behind it, and its deadline (red when past). */
Component({
  options: { styleIsolation: 'apply-shared' },
  properties: {
    item: { type: Object, value: {} as SuggestionItemView },
  },
});
