import { definePage } from '../../../factory/define-page';
import type { StaffCaseView } from '../../../shared/contract/casework';
import { navigateTo } from '../../../services/wx';
import { STAFF_STATS_URL } from '../../../routes';
import { openingTab } from '../../../factory/paged-list-page';
import { caseQueuePage } from '../case-queue-page';
import { createStaffCases, initialCasesState, isStaffCaseView } from './model';

definePage(
  caseQueuePage<StaffCaseView>({
    name: 'staff-cases',
    data: initialCasesState,
    queue: (page) => createStaffCases(openingTab(page, isStaffCaseView, 'toAccept'), page.render),
    events: { onStats: () => navigateTo(STAFF_STATS_URL) },
  }),
);
