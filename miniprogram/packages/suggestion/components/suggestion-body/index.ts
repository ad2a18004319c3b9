import type { SuggestionPageView } from '../../views';

/**
 * A suggestion itself, as every page that opens one shows it: title and status, the deadline,
 * who is behind it, what it asks, the units on it, their answers and the deputy's verdicts.
 */
Component({
  options: { styleIsolation: 'apply-shared' },
  properties: {
    view: { type: Object, value: {} as SuggestionPageView },
  },
});
