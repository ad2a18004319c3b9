import { definePage } from '../../../factory/define-page';
import type { TapEvent } from '../../../utils/events';
import type { PublicDrill } from '../../../shared/domain/figures';
import type { PeriodChoice } from '../model';
import { createFigures, initialFiguresState } from './model';

definePage({
  name: 'figures',
  data: initialFiguresState,
  model: (page) => createFigures(page.query, page.render),
  events: {
    onChoosePeriod: (figures, event: TapEvent<{ period: PeriodChoice }>) => figures.choose(event.currentTarget.dataset.period),
    onOpen: (figures, event: TapEvent<{ drill: PublicDrill }>) => figures.open(event.currentTarget.dataset.drill),
  },
});
