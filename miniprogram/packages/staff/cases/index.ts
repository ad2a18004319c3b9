import { definePage } from '../../../factory/define-page';
import type { StaffCaseView } from '../../../shared/contract/casework';
import { navigateTo } from '../../../services/wx';
import { STAFF_STATS_URL } from '../../../routes';
import { caseQueuePage } from '../case-queue-page';
import { createStaffCases, initialCasesState, isStaffCaseView } from './model';

definePage(
  caseQueuePage<StaffCaseView>({
    name: 'staff-cases',
    data: initialCasesState,
    queue: (page) => {
      const view: StaffCaseView = isStaffCaseView(page.query.view) ? page.query.view : 'toAccept';
      page.render({ view });
      return createStaffCases(view, page.render);
    },
    events: { onStats: () => navigateTo(STAFF_STATS_URL) },
  }),
);
