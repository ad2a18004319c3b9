import { definePage } from '../../../factory/define-page';
import { pagedListEvents } from '../../../factory/paged-list-page';
import type { TapEvent } from '../../../utils/events';
import { navigateTo } from '../../../services/wx';
import { staffCaseUrl } from '../case-views';
import { createDrillDown, drillQuery, initialDrillState, isFigure } from './model';

definePage({
  name: 'staff-drill-down',
  data: initialDrillState,
  // No list without a figure this page knows: the page says so instead.
  model: (page) => {
    const { figure } = page.query;
    return isFigure(figure) ? createDrillDown(figure, drillQuery(page.query), page.render) : null;
  },
  load: (list, page) => (list ? list.reload() : page.render({ status: 'error', errorMessage: '没有这项统计，请返回后重新选择' })),
  events: {
    ...pagedListEvents,
    onOpen: (_list, event: TapEvent<{ opinionId: string }>) => navigateTo(staffCaseUrl(event.currentTarget.dataset.opinionId)),
  },
});
