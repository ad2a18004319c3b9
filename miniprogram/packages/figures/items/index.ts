import { definePage } from '../../../factory/define-page';
import { pagedListEvents } from '../../../factory/paged-list-page';
import { SUBPACKAGE_PAGES, withQuery } from '../../../routes';
import { navigateTo } from '../../../services/wx';
import type { TapEvent } from '../../../utils/events';
import { isPublicDrill, periodFromQuery, scopeFromQuery } from '../model';
import { createFigureItems, initialFigureItemsState } from './model';

definePage({
  name: 'figure-items',
  data: initialFigureItemsState,
  // No list without a place, a period and a figure this page knows: the page says so instead.
  model: (page) => {
    const scope = scopeFromQuery(page.query);
    const period = periodFromQuery(page.query);
    const { drill } = page.query;
    return scope && period && isPublicDrill(drill) ? createFigureItems(scope, period, drill, page.render) : null;
  },
  load: (list, page) => (list ? list.reload() : page.render({ status: 'error', errorMessage: '没有这项数据，请返回后重新选择' })),
  events: {
    ...pagedListEvents,
    onOpenProject: (_list, event: TapEvent<{ candidateId: string }>) =>
      navigateTo(withQuery(SUBPACKAGE_PAGES.projectCandidate, { candidateId: event.currentTarget.dataset.candidateId })),
  },
});
